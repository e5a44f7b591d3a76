package io.deadlinesaga.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows the broker has acknowledged and the table does not say are sent yet (the relay's thread only). They are
 * marked together, in one statement, once a batch of them is there or the mark interval has passed since the
 * last mark; until then a crash leaves them unsent in the table, to be sent again (consumers drop the copy by
 * its eventId).
 */
final class SentUnmarked {

    private final int batchSize;
    private final long intervalNanos;
    private final List<String> eventIds = new ArrayList<>();
    private long lastMarkNanos;

    SentUnmarked(int batchSize, Duration markInterval, long nowNanos) {
        this.batchSize = batchSize;
        this.intervalNanos = markInterval.toNanos();
        this.lastMarkNanos = nowNanos;
    }

    void add(List<OutboxRow> rows) {
        rows.forEach(row -> eventIds.add(row.eventId()));
    }

    /** Whether they are to be marked now: a batch of them, or the interval is over. */
    boolean isDue(long nowNanos) {
        return !eventIds.isEmpty() && (eventIds.size() >= batchSize || nowNanos - lastMarkNanos >= intervalNanos);
    }

    /** The eventIds to mark; {@link #marked} once they are. */
    List<String> eventIds() {
        return List.copyOf(eventIds);
    }

    void marked(long nowNanos) {
        eventIds.clear();
        lastMarkNanos = nowNanos;
    }

    /** Forgets them after a failure: they are still unsent in the table and go again from there. */
    void forget() {
        eventIds.clear();
    }

    /** How long until they are due; {@code Long.MAX_VALUE} when there are none. */
    long nanosUntilDue(long nowNanos) {
        return eventIds.isEmpty() ? Long.MAX_VALUE : lastMarkNanos + intervalNanos - nowNanos;
    }
}
