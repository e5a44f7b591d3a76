package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/**
 * An exchange that arrived before its holder had a point account (an early event): it waits here, holding
 * nothing, and is looked at again at {@code nextLookAt}, with growing pauses, until the account is there (then
 * the points are deducted) or the order is rejected (then it is dropped). Being a row, the wait survives any
 * restart.
 */
@Entity
@Table(name = "point_pending_use", indexes = {
        @Index(name = "pending_by_user", columnList = "user_id, order_id"),
        @Index(name = "pending_due", columnList = "next_look_at")})
public class PendingUse extends AssignedIdEntity<Long> {

    @Id
    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "user_id", nullable = false, length = 100)
    private String userId;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal point;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** epoch ms of its next look for the account */
    @Column(name = "next_look_at", nullable = false, columnDefinition = "BIGINT DEFAULT 0")
    private long nextLookAt;

    /** how many looks found no account */
    @Column(nullable = false, columnDefinition = "INTEGER DEFAULT 0")
    private int looks;

    protected PendingUse() {
    }

    /** Waits from {@code now}; the first look is due at once (the account may have been opened meanwhile). */
    PendingUse(long orderId, String userId, BigDecimal point, long now) {
        this.orderId = orderId;
        this.userId = userId;
        this.point = point;
        this.createdAt = now;
        this.nextLookAt = now;
    }

    /** A look found no account: the next one is due after {@code pause}, which the caller grows with each look. */
    void lookAgainAfter(long now, Duration pause) {
        looks++;
        nextLookAt = now + pause.toMillis();
    }

    boolean isDue(long now) {
        return nextLookAt <= now;
    }

    int looks() {
        return looks;
    }

    @Override
    public Long getId() {
        return orderId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getUserId() {
        return userId;
    }

    public BigDecimal getPoint() {
        return point;
    }
}
