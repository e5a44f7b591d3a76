package io.deadlinesaga.messaging;

import java.time.Duration;

import io.deadlinesaga.contract.Wire;

/** The messaging settings as a service gets them by default, with the parts a test turns. */
public final class TestSettings {

    private TestSettings() {
    }

    /** The relay's defaults (batch of 500, poll every second, retry after a second). */
    public static MessagingProperties.Relay relay() {
        return new MessagingProperties.Relay(500, Duration.ofSeconds(1), Duration.ofMillis(5), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** The convoy's defaults (4 workers, retries from 100 ms to 5 s, 20 attempts, a sweep every second). */
    public static MessagingProperties.Convoy convoy() {
        return new MessagingProperties.Convoy(4, Duration.ofMillis(100), Duration.ofSeconds(5), 20,
                Duration.ofSeconds(1));
    }

    public static MessagingProperties with(MessagingProperties.Relay relay) {
        return properties(relay, convoy());
    }

    public static MessagingProperties with(MessagingProperties.Convoy convoy) {
        return properties(relay(), convoy);
    }

    private static MessagingProperties properties(MessagingProperties.Relay relay, MessagingProperties.Convoy convoy) {
        return new MessagingProperties(Wire.TOPIC, 6, relay, convoy, new MessagingProperties.Housekeeping(
                Duration.ofHours(1), Duration.ofMinutes(1), 5000, Duration.ofSeconds(2), Duration.ofMillis(100)));
    }
}
