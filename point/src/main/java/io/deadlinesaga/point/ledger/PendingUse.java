package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/**
 * An exchange that arrived before its holder had a point account (an early event): it waits here, holding
 * nothing, until the account is opened (then the points are deducted at once) or the order is rejected
 * (then it is dropped).
 */
@Entity
@Table(name = "point_pending_use", indexes = @Index(name = "pending_by_user", columnList = "user_id, order_id"))
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

    protected PendingUse() {
    }

    PendingUse(long orderId, String userId, BigDecimal point, long createdAt) {
        this.orderId = orderId;
        this.userId = userId;
        this.point = point;
        this.createdAt = createdAt;
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
