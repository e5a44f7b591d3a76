package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

/** A holder's points. The balance never goes below zero. */
public class PointAccount {

    private final String userId;
    private BigDecimal point;
    private final long createdAt;

    public PointAccount(String userId, BigDecimal point, long createdAt) {
        if (point.signum() < 0) {
            throw new IllegalArgumentException("a balance is never negative");
        }
        this.userId = userId;
        this.point = point;
        this.createdAt = createdAt;
    }

    /** An account as its row stores it; the balance is taken as stored, as the opening already checked it. */
    static PointAccount restore(String userId, BigDecimal point, long createdAt) {
        PointAccount account = new PointAccount(userId, BigDecimal.ZERO, createdAt);
        account.point = point;
        return account;
    }

    /** Deducts the points if the balance covers them (a balance equal to the amount is enough). */
    public boolean deduct(BigDecimal points) {
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("only a positive number of points can be deducted, not " + points);
        }
        if (point.compareTo(points) < 0) {
            return false;
        }
        point = point.subtract(points);
        return true;
    }

    /** Gives points back; zero is a valid refund (nothing had been deducted). */
    public void refund(BigDecimal points) {
        if (points.signum() < 0) {
            throw new IllegalArgumentException("a refund is never negative, was " + points);
        }
        point = point.add(points);
    }

    public String getUserId() {
        return userId;
    }

    public BigDecimal getPoint() {
        return point;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
