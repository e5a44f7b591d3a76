package io.deadlinesaga.deadline.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/** An order's deadline. It fires at most once, and never after it was cancelled. */
@Entity
@Table(name = "deadline", indexes = @Index(name = "deadline_due", columnList = "state, due_at"))
public class Deadline extends AssignedIdEntity<Long> {

    @Id
    @Column(name = "order_id")
    private Long orderId;

    /** epoch ms */
    @Column(name = "due_at", nullable = false)
    private long dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeadlineState state;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "closed_at")
    private Long closedAt;

    protected Deadline() {
    }

    private Deadline(long orderId, long dueAt, DeadlineState state, long now) {
        this.orderId = orderId;
        this.dueAt = dueAt;
        this.state = state;
        this.createdAt = now;
        this.closedAt = state == DeadlineState.PENDING ? null : now;
    }

    public static Deadline pending(long orderId, long dueAt, long now) {
        return new Deadline(orderId, dueAt, DeadlineState.PENDING, now);
    }

    /** The order was decided before its deadline was even registered: it must never fire. */
    public static Deadline cancelledBeforeRegistration(long orderId, long now) {
        return new Deadline(orderId, 0, DeadlineState.CANCELLED, now);
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

    @Override
    public Long getId() {
        return orderId;
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
