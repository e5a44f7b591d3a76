package io.deadlinesaga.point.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How orders that arrived before their holder's point account are looked at again
 * ({@code saga.point.early-orders.*}).
 *
 * @param tick how often the waiting orders that are due for a look are looked for
 * @param firstDelay the pause before the second look; doubled after each look that finds no account
 * @param maxDelay the longest pause between two looks
 */
@ConfigurationProperties("saga.point.early-orders")
record EarlyOrdersProperties(
        @DefaultValue("100ms") Duration tick,
        @DefaultValue("100ms") Duration firstDelay,
        @DefaultValue("2s") Duration maxDelay) {

    /** The pause after the {@code looks}-th look that found no account. */
    Duration delayAfter(int looks) {
        long millis = firstDelay.toMillis() << Math.min(Math.max(looks - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
