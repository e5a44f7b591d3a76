package io.deadlinesaga.contract.rules;

import java.util.List;
import java.util.OptionalLong;

/**
 * A saga's verdict and, for a VIOLATION, every rule it breaks.
 *
 * @param verdict the verdict
 * @param findings the broken rules, if any
 * @param recheckAt when the clock alone may change this judgement (epoch ms): an undecided order's deadline and
 *        grace run out, or a rejection's compensation time; empty when only a new fact can change it
 */
public record Judgement(Verdict verdict, List<Finding> findings, OptionalLong recheckAt) {

    public Judgement {
        findings = List.copyOf(findings);
    }
}
