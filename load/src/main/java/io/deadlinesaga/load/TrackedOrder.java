package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One order of the plan, from before it is sent until it is settled: what was asked, its id once placed, and
 * the latest status the driver polled (with any change of a decision, which I5 forbids).
 */
final class TrackedOrder {

    /** Without news from the topic, an unsettled order is polled this often. */
    private static final long QUIET_POLL_MS = 5_000;

    final int index;
    final OrderKind kind;
    final String holderId;
    final long currencyId;
    final BigDecimal amount;
    final String idempotencyKey;

    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile long id = -1;
    private volatile String placingError;
    private volatile OrderState state;
    private volatile String firstDecision;
    private volatile String laterDecision;
    private volatile long nextPollNanos;

    TrackedOrder(int index, OrderKind kind, String holderId, long currencyId, BigDecimal amount, String idempotencyKey) {
        this.index = index;
        this.kind = kind;
        this.holderId = holderId;
        this.currencyId = currencyId;
        this.amount = amount;
        this.idempotencyKey = idempotencyKey;
    }

    /** The POST answered: the order exists, PENDING (or, on a retry that had gone through, maybe decided). */
    void placed(OrderState placed) {
        nextPollNanos = System.nanoTime() + QUIET_POLL_MS * 1_000_000;
        observe(placed);
        id = placed.id();
    }

    void failedToPlace(String why) {
        placingError = why;
    }

    /** Takes a polled status; remembers it if a decision ever turns into another. */
    synchronized void observe(OrderState seen) {
        state = seen;
        if (!seen.isDecided()) {
            return;
        }
        if (firstDecision == null) {
            firstDecision = seen.status();
        }
        else if (!firstDecision.equals(seen.status()) && laterDecision == null) {
            laterDecision = seen.status();
        }
    }

    /** Claims the next poll if one is due and none is running; the caller must call {@link #polled()} after. */
    boolean claimPoll(long nowNanos) {
        return nowNanos - nextPollNanos >= 0 && polling.compareAndSet(false, true);
    }

    /** A poll ended, answered or not: the next one is due in 5 s. */
    void polled() {
        nextPollNanos = System.nanoTime() + QUIET_POLL_MS * 1_000_000;
        polling.set(false);
    }

    boolean isPlaced() {
        return id >= 0;
    }

    long id() {
        return id;
    }

    String placingError() {
        return placingError;
    }

    OrderState state() {
        return state;
    }

    /** The decisions polled, in the order first seen: none, one, or a first and another it turned into. */
    synchronized List<String> decisionsSeen() {
        if (firstDecision == null) {
            return List.of();
        }
        return laterDecision == null ? List.of(firstDecision) : List.of(firstDecision, laterDecision);
    }

    boolean isDecided() {
        OrderState current = state;
        return current != null && current.isDecided();
    }

    boolean isSettled() {
        OrderState current = state;
        return current != null && current.isSettled();
    }

    boolean isRejected() {
        OrderState current = state;
        return current != null && Outcome.REJECTED.equals(current.status());
    }
}
