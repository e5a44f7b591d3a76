package io.deadlinesaga.point.ledger;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClosedOrderRepository extends JpaRepository<ClosedOrder, Long> {
}
