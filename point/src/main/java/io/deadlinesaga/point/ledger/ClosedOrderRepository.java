package io.deadlinesaga.point.ledger;

import org.springframework.data.repository.Repository;

/** The orders point knows to be rejected: recorded once, then only asked about. */
interface ClosedOrderRepository extends Repository<ClosedOrder, Long> {

    boolean existsById(Long orderId);

    <S extends ClosedOrder> S save(S closedOrder);
}
