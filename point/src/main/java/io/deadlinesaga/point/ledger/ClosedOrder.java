package io.deadlinesaga.point.ledger;

/** An order point knows to be rejected: from then on nothing is deducted for it. */
public class ClosedOrder {

    private final long orderId;
    private final long closedAt;

    ClosedOrder(long orderId, long closedAt) {
        this.orderId = orderId;
        this.closedAt = closedAt;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getClosedAt() {
        return closedAt;
    }
}
