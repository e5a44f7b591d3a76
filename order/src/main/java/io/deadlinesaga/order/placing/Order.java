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

    /** why, in words a user understands */
    @Column(length = 300)
    private String detail;

    /** when exchange reported the order's exchange, if it has */
    @Column(name = "exchanged_at")
    private Long exchangedAt;

    /** epoch ms by which the order is decided */
    @Column(nullable = false)
    private long deadline;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** the client's Idempotency-Key of the request that placed it, if it sent one: unique */
    @Column(name = "idempotency_key", unique = true, length = 100)
    private String idempotencyKey;

    @Column(name = "decided_at")
    private Long decidedAt;

    /** for a rejected order: when the last compensation step reported back */
    @Column(name = "compensated_at")
    private Long compensatedAt;

    protected Order() {
    }

    public Order(String holderId, long currencyId, BigDecimal amount, long createdAt, long deadline,
            String idempotencyKey) {
        this.holderId = holderId;
        this.idempotencyKey = idempotencyKey;
        this.currencyId = currencyId;
        this.amount = amount;
        this.status = OrderStatus.PENDING;
        this.createdAt = createdAt;
        this.deadline = deadline;
    }

    /**
     * Approves a pending order; false, and nothing changes, if it is already decided or its deadline has passed:
     * the order keeps its own deadline, whatever the deadline service's clock or lag.
     */
    public boolean approve(long now) {
        if (status != OrderStatus.PENDING || isPastDeadline(now)) {
            return false;
        }
        status = OrderStatus.APPROVED;
        decidedAt = now;
        return true;
    }

    /** Rejects a pending order; false, and nothing changes, if it is already decided. */
    public boolean reject(RejectionReason why, String explanation, long now) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        status = OrderStatus.REJECTED;
        reason = why;
        detail = explanation;
        decidedAt = now;
        return true;
    }

    /** Whether {@code now} is after the order's deadline: too late to approve it. */
    public boolean isPastDeadline(long now) {
        return now > deadline;
    }

    public boolean isPending() {
        return status == OrderStatus.PENDING;
    }

    /** Notes that the exchange step is done, so that a rejection by the deadline can say which step was late. */
    public void exchanged(long now) {
        if (exchangedAt == null) {
            exchangedAt = now;
        }
    }

    public boolean isExchanged() {
        return exchangedAt != null;
    }

    /** Records that the compensation chain of a rejected order has run to its end; false if not applicable. */
    public boolean compensated(long now) {
        if (status != OrderStatus.REJECTED || compensatedAt != null) {
            return false;
        }
        compensatedAt = now;
        return true;
    }

    /** Whether a retried request asks for this very order (same holder, currency and amount). */
    public boolean sameRequestAs(String otherHolderId, long otherCurrencyId, BigDecimal otherAmount) {
        return holderId.equals(otherHolderId) && currencyId == otherCurrencyId && amount.compareTo(otherAmount) == 0;
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

    public String getDetail() {
        return detail;
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
