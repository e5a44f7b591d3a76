package io.deadlinesaga.messaging.event;

import java.util.Objects;

import org.hibernate.id.uuid.UuidVersion7Strategy;

/** Envelope values for a new event: a fresh id and the current time, so no event goes out without an id. */
final class Events {

    private Events() {
    }

    /**
     * A UUID of version 7: it begins with the time, so each new id sorts after the ids before it. The inboxes
     * and outboxes index eventIds, and a new id then lands on the index's last page, where a random one would
     * land on any page: with a random id every commit wrote one page per event to the database file.
     */
    static String newId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null).toString();
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
