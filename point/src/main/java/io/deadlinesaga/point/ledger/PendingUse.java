package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * An exchange that arrived before its holder had a point account (an early event): it waits here, holding
 * nothing, and is looked at again at {@code nextLookAt}, with growing pauses, until the account is there (then
 * the points are deducted) or the order is rejected (then it is dropped). Being a row, the wait survives any
 * restart.
 */
public class PendingUse {

    private final long orderId;
    private final String userId;
    private final BigDecimal point;
    private final long createdAt;

    /** epoch ms of its next look for the account */
    private long nextLookAt;

    /** how many looks found no account */
    private int looks;

    /** Waits from {@code now}; the first look is due at once (the account may have been opened meanwhile). */
    PendingUse(long orderId, String userId, BigDecimal point, long now) {
        this.orderId = orderId;
        this.userId = userId;
        this.point = point;
        this.createdAt = now;
        this.nextLookAt = now;
    }

    /** A waiting order as its row stores it. */
    static PendingUse restore(long orderId, String userId, BigDecimal point, long createdAt, long nextLookAt,
            int looks) {
        PendingUse pending = new PendingUse(orderId, userId, point, createdAt);
        pending.nextLookAt = nextLookAt;
        pending.looks = looks;
        return pending;
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

    long nextLookAt() {
        return nextLookAt;
    }

    long createdAt() {
        return createdAt;
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
