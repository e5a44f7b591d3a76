package io.deadlinesaga.messaging.event;

import java.util.Objects;
import java.util.UUID;

/** Envelope values for a new event: a fresh id and the current time, so no event goes out without an id. */
final class Events {

    private Events() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
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
