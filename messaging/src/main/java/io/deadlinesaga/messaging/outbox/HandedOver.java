package io.deadlinesaga.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The eventIds of rows this instance committed, handed over to be sent at once, in the order of their commits.
 * Only the ids: the relay reads each row back as it claims it. Filled by committing threads, emptied by the
 * relay's.
 */
final class HandedOver {

    private final Queue<String> waiting = new ConcurrentLinkedQueue<>();

    void add(String eventId) {
        waiting.add(eventId);
    }

    /** Takes up to {@code max} waiting eventIds, in the order they were handed over. */
    List<String> take(int max) {
        List<String> eventIds = new ArrayList<>();
        for (String eventId; eventIds.size() < max && (eventId = waiting.poll()) != null; ) {
            eventIds.add(eventId);
        }
        return eventIds;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Forgets every row handed over: the table has them, and a read of it sends them in each order's order. */
    void dropAll() {
        waiting.clear();
    }
}
