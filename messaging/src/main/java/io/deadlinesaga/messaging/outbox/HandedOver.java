package io.deadlinesaga.messaging.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Rows this instance committed, handed over to be sent at once, in the order of their commits; and the
 * eventIds handed over and not yet marked sent. A read of the table leaves those to the hand-over, so that a
 * row is never sent from both. Filled by committing threads, emptied by the relay's.
 */
final class HandedOver {

    private final Queue<OutboxRow> waiting = new ConcurrentLinkedQueue<>();
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();

    void add(OutboxRow row) {
        inHand.add(row.eventId());
        waiting.add(row);
    }

    /** Takes up to {@code max} waiting rows, in the order they were handed over. */
    List<OutboxRow> take(int max) {
        List<OutboxRow> rows = new ArrayList<>();
        for (OutboxRow row; rows.size() < max && (row = waiting.poll()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Whether the row is the hand-over's to send (or to mark): a read of the table must leave it alone. */
    boolean holds(String eventId) {
        return inHand.contains(eventId);
    }

    /** The rows are marked sent: the table speaks for them again. */
    void marked(Collection<String> eventIds) {
        eventIds.forEach(inHand::remove);
    }

    /** Forgets every row handed over: the table has them, and a read of it sends them in each order's order. */
    void dropAll() {
        waiting.clear();
        inHand.clear();
    }
}
