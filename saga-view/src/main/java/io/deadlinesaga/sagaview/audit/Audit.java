package io.deadlinesaga.sagaview.audit;

import java.util.List;

/** A verdict and, for a VIOLATION, every rule the saga breaks. */
public record Audit(Verdict verdict, List<Finding> violations) {
}
