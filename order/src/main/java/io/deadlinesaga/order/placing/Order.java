package io.deadlinesaga.order.placing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A currency-exchange order and its outcome. The order is the saga's single arbiter: it leaves PENDING once,
 * to APPROVED or REJECTED, and never changes its decision afterwards.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "holder_id", nullable = false, length = 100)
    private String holderId;

    @Column(name = "currency_id", nullable = false)
    private long currencyId;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private RejectionReason reason;

    /** epoch ms by which the order is decided */
    @Column(nullable = false)
    private long deadline;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "decided_at")
    private Long decidedAt;

    /** for a rejected order: when the last compensation step reported back */
    @Column(name = "compensated_at")
    private Long compensatedAt;

    protected Order() {
    }

    public Order(String holderId, long currencyId, BigDecimal amount, long createdAt, long deadline) {
        this.holderId = holderId;
        this.currencyId = currencyId;
        this.amount = amount;
        this.status = OrderStatus.PENDING;
        this.createdAt = createdAt;
        this.deadline = deadline;
    }

    /** Approves a pending order; false, and nothing changes, if it is already decided. */
    public boolean approve(long now) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        status = OrderStatus.APPROVED;
        decidedAt = now;
        return true;
    }

    /** Rejects a pending order; false, and nothing changes, if it is already decided. */
    public boolean reject(RejectionReason why, long now) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        status = OrderStatus.REJECTED;
        reason = why;
        decidedAt = now;
        return true;
    }

    /** Records that the compensation chain of a rejected order has run to its end; false if not applicable. */
    public boolean compensated(long now) {
        if (status != OrderStatus.REJECTED || compensatedAt != null) {
            return false;
        }
        compensatedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getHolderId() {
        return holderId;
    }

    public long getCurrencyId() {
        return currencyId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public RejectionReason getReason() {
        return reason;
    }

    public long getDeadline() {
        return deadline;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getDecidedAt() {
        return decidedAt;
    }

    public Long getCompensatedAt() {
        return compensatedAt;
    }
}
