package io.deadlinesaga.deadline.deadlines;

/** An order's deadline. It fires at most once, and never after it was cancelled. */
public class Deadline {

    private final long orderId;

    /** epoch ms */
    private final long dueAt;

    private DeadlineState state;

    private final long createdAt;

    private Long closedAt;

    private Deadline(long orderId, long dueAt, DeadlineState state, long createdAt, Long closedAt) {
        this.orderId = orderId;
        this.dueAt = dueAt;
        this.state = state;
        this.createdAt = createdAt;
        this.closedAt = closedAt;
    }

    private Deadline(long orderId, long dueAt, DeadlineState state, long now) {
        this(orderId, dueAt, state, now, state == DeadlineState.PENDING ? null : now);
    }

    public static Deadline pending(long orderId, long dueAt, long now) {
        return new Deadline(orderId, dueAt, DeadlineState.PENDING, now);
    }

    /** The order was decided before its deadline was even registered: it must never fire. */
    public static Deadline cancelledBeforeRegistration(long orderId, long now) {
        return new Deadline(orderId, 0, DeadlineState.CANCELLED, now);
    }

    /** A deadline as its row holds it. */
    static Deadline restore(long orderId, long dueAt, DeadlineState state, long createdAt, Long closedAt) {
        return new Deadline(orderId, dueAt, state, createdAt, closedAt);
    }

    public boolean isDue(long now) {
        return state == DeadlineState.PENDING && dueAt <= now;
    }

    /** Fires a pending deadline whose time has come; false, and nothing changes, otherwise. */
    public boolean fire(long now) {
        if (!isDue(now)) {
            return false;
        }
        state = DeadlineState.FIRED;
        closedAt = now;
        return true;
    }

    /** Cancels a pending deadline; false if it has already fired or been cancelled. */
    public boolean cancel(long now) {
        if (state != DeadlineState.PENDING) {
            return false;
        }
        state = DeadlineState.CANCELLED;
        closedAt = now;
        return true;
    }

    public Long getOrderId() {
        return orderId;
    }

    public long getDueAt() {
        return dueAt;
    }

    public DeadlineState getState() {
        return state;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }
}
