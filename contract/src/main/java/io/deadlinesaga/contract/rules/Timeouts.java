package io.deadlinesaga.contract.rules;

import java.time.Duration;

/**
 * How long the rules that turn with the clock wait before a missing step is a violation.
 *
 * @param decisionGrace how long past its deadline an order may stay undecided (a reader behind the topic sees a
 *        decision late: DESIGN's 1 s is judged exactly, from the decision's own time, by {@link Rule#DECIDED_LATE})
 * @param compensationTimeout how long after a rejection its compensation chain may take
 */
public record Timeouts(Duration decisionGrace, Duration compensationTimeout) {

    /** The saga view's defaults. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
}
