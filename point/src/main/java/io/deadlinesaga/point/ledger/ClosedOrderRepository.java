package io.deadlinesaga.point.ledger;

/** The orders point knows to be rejected: recorded once, then only asked about. */
interface ClosedOrderRepository {

    boolean existsById(Long orderId);

    /** Records the order as closed; a second record of it fails on the key. */
    void insert(ClosedOrder closedOrder);
}
