package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;

/** One movement of points for an order. Unique per (order, type): one deduction and one refund at most. */
public class LedgerEntry {

    /** the table's identity, null until the entry is inserted */
    private Long id;
    private final long orderId;
    private final String userId;
    private final EntryType type;
    private final BigDecimal point;
    private final BigDecimal balanceAfter;
    private final long createdAt;

    LedgerEntry(long orderId, String userId, EntryType type, BigDecimal point, BigDecimal balanceAfter, long createdAt) {
        this.orderId = orderId;
        this.userId = userId;
        this.type = type;
        this.point = point;
        this.balanceAfter = balanceAfter;
        this.createdAt = createdAt;
    }

    /** An entry as its row stores it. */
    static LedgerEntry restore(long id, long orderId, String userId, EntryType type, BigDecimal point,
            BigDecimal balanceAfter, long createdAt) {
        LedgerEntry entry = new LedgerEntry(orderId, userId, type, point, balanceAfter, createdAt);
        entry.id = id;
        return entry;
    }

    /** Takes the id the table gave the entry on insert. */
    void inserted(long id) {
        this.id = id;
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
