package io.deadlinesaga.sagaview.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * A verdict and, for a VIOLATION, every rule the saga breaks.
 *
 * @param verdict the verdict
 * @param violations the broken rules, if any
 * @param recheckAt when the clock alone may change this audit (epoch ms): an undecided order's deadline and grace
 *        run out, or a rejection's compensation time; empty when only a new event can change it
 */
public record Audit(Verdict verdict, List<Finding> violations, OptionalLong recheckAt) {
}
