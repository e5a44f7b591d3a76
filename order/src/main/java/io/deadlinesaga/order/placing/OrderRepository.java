package io.deadlinesaga.order.placing;

import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

/**
 * The orders, with only what the service does with them: an order is placed once and never deleted. A change
 * to an order is stored only by {@link #update}, in the transaction that made it.
 */
public interface OrderRepository {

    Optional<Order> findById(Long id);

    /**
     * Inserts the order now and gives it its id, so that the id is known and a reused Idempotency-Key fails here,
     * on the key's unique constraint ({@link org.springframework.dao.DataIntegrityViolationException}).
     *
     * @return the order, with its id
     */
    Order insert(Order order);

    /**
     * Stores what changes after an order is placed: its decision (status, reason, detail, decided at), the
     * exchange noted and the compensation recorded.
     */
    void update(Order order);

    Optional<Order> findByIdempotencyKey(String idempotencyKey);

    /** One page of the orders, newest (highest id) first; no count of all rows. */
    List<Order> findNewest(Paging page);
}
