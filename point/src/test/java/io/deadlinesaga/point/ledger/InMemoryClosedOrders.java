package io.deadlinesaga.point.ledger;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

/** The orders point knows to be rejected, in memory. */
class InMemoryClosedOrders extends InMemoryRepository<ClosedOrder, Long> implements ClosedOrderRepository {

    InMemoryClosedOrders() {
        super(ClosedOrder::getId);
    }
}
