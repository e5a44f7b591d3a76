package io.deadlinesaga.load.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a step's rate was sustained: no violation, every order settled within the load's timeout, and the
 * prompt orders decided at no less than 95 % of the rate they were sent at (a system that falls behind decides
 * the last of them well after the last was sent).
 *
 * @param failure every reason it failed, or null when it passed
 */
record StepVerdict(boolean passed, String failure) {

    static final double REQUIRED_SHARE = 0.95;

    static StepVerdict of(int violations, boolean settled, double sentPerSecond, double decidedPerSecond) {
        List<String> reasons = new ArrayList<>();
        if (violations > 0) {
            reasons.add(violations + (violations == 1 ? " violation" : " violations"));
        }
        if (!settled) {
            reasons.add("orders not settled within the timeout");
        }
        if (decidedPerSecond < REQUIRED_SHARE * sentPerSecond) {
            reasons.add(String.format(Locale.ROOT, "decided %.1f/s, below 95 %% of the %.1f/s sent", decidedPerSecond,
                    sentPerSecond));
        }
        return reasons.isEmpty() ? new StepVerdict(true, null) : new StepVerdict(false, String.join("; ", reasons));
    }
}
