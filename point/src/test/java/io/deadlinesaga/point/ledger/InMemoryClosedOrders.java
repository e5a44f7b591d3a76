package io.deadlinesaga.point.ledger;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.dao.DuplicateKeyException;

/** The orders point knows to be rejected, in memory. */
class InMemoryClosedOrders extends InMemoryRepository<ClosedOrder, Long> implements ClosedOrderRepository {

    InMemoryClosedOrders() {
        super(ClosedOrder::getOrderId);
    }

    @Override
    public synchronized void insert(ClosedOrder closedOrder) {
        if (existsById(closedOrder.getOrderId())) {
            throw new DuplicateKeyException("duplicate key " + closedOrder.getOrderId() + " in point_closed_order");
        }
        save(closedOrder);
    }
}
