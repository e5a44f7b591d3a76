package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/** A holder's points. The balance never goes below zero. */
@Entity
// the index serves GET /points, newest first
@Table(name = "point_account", indexes = @Index(name = "point_account_newest", columnList = "created_at, user_id"))
public class PointAccount extends AssignedIdEntity<String> {

    @Id
    @Column(name = "user_id", length = 100)
    private String userId;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal point;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected PointAccount() {
    }

    public PointAccount(String userId, BigDecimal point, long createdAt) {
        if (point.signum() < 0) {
            throw new IllegalArgumentException("a balance is never negative");
        }
        this.userId = userId;
        this.point = point;
        this.createdAt = createdAt;
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

    @Override
    public String getId() {
        return userId;
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
