package io.deadlinesaga.order.placing;

import java.math.BigDecimal;

/**
 * A currency-exchange order and its outcome. The order is the saga's single arbiter: it leaves PENDING once,
 * to APPROVED or REJECTED, and never changes its decision afterwards.
 */
public class Order {

    /** the orders table's identity: null until the order is inserted */
    private Long id;

    private String holderId;

    private long currencyId;

    private BigDecimal amount;

    private OrderStatus status;

    private RejectionReason reason;

    /** why, in words a user understands */
    private String detail;

    /** when exchange reported the order's exchange, if it has */
    private Long exchangedAt;

    /** epoch ms by which the order is decided */
    private long deadline;

    private long createdAt;

    /** the client's Idempotency-Key of the request that placed it, if it sent one: unique */
    private String idempotencyKey;

    private Long decidedAt;

    /** for a rejected order: when the last compensation step reported back */
    private Long compensatedAt;

    private Order() {
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

    /** An order as its row holds it. */
    static Order restore(long id, String holderId, long currencyId, BigDecimal amount, OrderStatus status,
            RejectionReason reason, String detail, Long exchangedAt, long deadline, long createdAt,
            String idempotencyKey, Long decidedAt, Long compensatedAt) {
        Order order = new Order();
        order.id = id;
        order.holderId = holderId;
        order.currencyId = currencyId;
        order.amount = amount;
        order.status = status;
        order.reason = reason;
        order.detail = detail;
        order.exchangedAt = exchangedAt;
        order.deadline = deadline;
        order.createdAt = createdAt;
        order.idempotencyKey = idempotencyKey;
        order.decidedAt = decidedAt;
        order.compensatedAt = compensatedAt;
        return order;
    }

    /** Takes the id its row got on insert; an order is inserted once. */
    void assignId(long newId) {
        if (id != null) {
            throw new IllegalStateException("order " + id + " is inserted already");
        }
        id = newId;
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

    /**
     * Notes that the exchange step is done, so that a rejection by the deadline can say which step was late;
     * false, and nothing changes, if it was noted already.
     */
    public boolean exchanged(long now) {
        if (exchangedAt != null) {
            return false;
        }
        exchangedAt = now;
        return true;
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

    Long getExchangedAt() {
        return exchangedAt;
    }

    public long getDeadline() {
        return deadline;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getDecidedAt() {
        return decidedAt;
    }

    public Long getCompensatedAt() {
        return compensatedAt;
    }
}
