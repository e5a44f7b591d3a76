package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One movement of points for an order. Unique per (order, type): one deduction and one refund at most. */
@Entity
@Table(name = "point_ledger", uniqueConstraints = @UniqueConstraint(name = "one_entry_per_order_and_type",
        columnNames = {"order_id", "type"}))
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "user_id", nullable = false, length = 100)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EntryType type;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal point;

    @Column(name = "balance_after", nullable = false, precision = 19, scale = 4)
    private BigDecimal balanceAfter;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected LedgerEntry() {
    }

    LedgerEntry(long orderId, String userId, EntryType type, BigDecimal point, BigDecimal balanceAfter, long createdAt) {
        this.orderId = orderId;
        this.userId = userId;
        this.type = type;
        this.point = point;
        this.balanceAfter = balanceAfter;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getUserId() {
        return userId;
    }

    public EntryType getType() {
        return type;
    }

    public BigDecimal getPoint() {
        return point;
    }

    public BigDecimal getBalanceAfter() {
        return balanceAfter;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
