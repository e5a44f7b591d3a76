package io.deadlinesaga.order.placing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The orders, with only what the service does with them: an order is placed once and never deleted. */
public interface OrderRepository extends Repository<Order, Long> {

    Optional<Order> findById(Long id);

    /** Inserts the order now, so that its id is known and a reused Idempotency-Key fails here. */
    <S extends Order> S saveAndFlush(S order);

    Optional<Order> findByIdempotencyKey(String idempotencyKey);

    /** One page, in the page's order; no count of all rows. */
    List<Order> findAllBy(Pageable page);
}
