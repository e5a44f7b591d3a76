package io.deadlinesaga.deadline.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the table is read for deadlines due soon (after a restart, or registered by
 *        another instance, or whose timer the wall clock has overtaken); each gets a timer of its own, so firing
 *        does not wait for the sweep
 * @param timerThreads threads that fire deadlines: each firing waits for its commit to be written (on H2, for
 *        the group commit's shared write), so the more fire at once, the more share one write (on two cores,
 *        8 instead of 2 lowered the firing lateness p99 under load in every paired run; docs/performance.md)
 */
@ConfigurationProperties("saga.deadline")
public record DeadlineProperties(
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("8") int timerThreads) {
}
