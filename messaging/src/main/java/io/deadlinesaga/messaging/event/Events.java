package io.deadlinesaga.messaging.event;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/** Envelope values for a new event: a fresh id and the current time, so no event goes out without an id. */
final class Events {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Events() {
    }

    /**
     * A UUID of version 7: it begins with the time, so each new id sorts after the ids before it. The inboxes
     * and outboxes index eventIds, and a new id then lands on the index's last page, where a random one would
     * land on any page: with a random id every commit wrote one page per event to the database file.
     * (RFC 9562: 48 bits of Unix milliseconds, the version, 12 random bits, the variant, 62 random bits.)
     */
    static String newId() {
        long mostSignificant = System.currentTimeMillis() << 16 | 0x7000L | RANDOM.nextInt(0x1000);
        long leastSignificant = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static void requireEnvelope(String eventId, long orderId) {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is blank");
        }
        if (orderId <= 0) {
            throw new IllegalArgumentException("orderId must be positive, was " + orderId);
        }
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, field);
    }
}
