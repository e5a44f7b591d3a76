package io.deadlinesaga.deadline.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the table is read for deadlines due soon (after a restart, or registered by
 *        another instance); each gets a timer of its own, so firing does not wait for the sweep
 * @param timerThreads threads that fire deadlines
 */
@ConfigurationProperties("saga.deadline")
public record DeadlineProperties(
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("2") int timerThreads) {
}
