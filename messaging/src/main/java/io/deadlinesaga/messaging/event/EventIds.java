package io.deadlinesaga.messaging.event;

/** A new time-ordered eventId, for a record that is no event of the saga's own (a dead letter). */
public final class EventIds {

    private EventIds() {
    }

    public static String next() {
        return Events.newId();
    }
}
