package io.deadlinesaga.exchange.exchanging;

import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

/** The exchanges, one per order, with only what the service does with them. */
public interface ExchangeRepository {

    Optional<Exchange> findById(Long orderId);

    boolean existsById(Long orderId);

    /**
     * Stores a new exchange; a second one of the same order fails with a
     * {@link org.springframework.dao.DataIntegrityViolationException}, as the order is the key.
     */
    void insert(Exchange exchange);

    /**
     * Writes what may change of a stored exchange (its state and time); one that is not stored fails with an
     * {@link org.springframework.dao.OptimisticLockingFailureException}.
     */
    void update(Exchange exchange);

    /** One page of the exchanges, of the newest order (highest orderId) first; no count of all rows. */
    List<Exchange> findNewest(Paging page);
}
