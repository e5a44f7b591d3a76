package io.deadlinesaga.point.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/** An order point knows to be rejected: from then on nothing is deducted for it. */
@Entity
@Table(name = "point_closed_order")
public class ClosedOrder extends AssignedIdEntity<Long> {

    @Id
    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "closed_at", nullable = false)
    private long closedAt;

    protected ClosedOrder() {
    }

    ClosedOrder(long orderId, long closedAt) {
        this.orderId = orderId;
        this.closedAt = closedAt;
    }

    @Override
    public Long getId() {
        return orderId;
    }
}
