package io.deadlinesaga.load;

import java.util.List;
import java.util.Map;

/**
 * What the invariant checker found.
 *
 * @param lateDecisions in a chaos run: orders decided more than 1 s after their deadline (a violation otherwise)
 * @param otherOutcomes in a chaos run: how many orders ended otherwise than their kind does when every part is
 *        up, by "kind -> outcome", as {@link OrderKind#mayEndAsWhilePartsAreDown} allows (a violation otherwise)
 */
record CheckResult(List<Violation> violations, int lateDecisions, Map<String, Integer> otherOutcomes) {

    boolean passed() {
        return violations.isEmpty();
    }

    /** Whether some violation may clear once events in flight have arrived everywhere. */
    boolean mayClear() {
        return violations.stream().anyMatch(violation -> !violation.lasting());
    }
}
