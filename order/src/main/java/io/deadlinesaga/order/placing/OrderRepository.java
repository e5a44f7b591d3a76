package io.deadlinesaga.order.placing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByIdempotencyKey(String idempotencyKey);

    /** One page, in the page's order; no count of all rows. */
    List<Order> findAllBy(Pageable page);
}
