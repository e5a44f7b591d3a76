package io.deadlinesaga.exchange.exchanging;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The exchanges, one per order, with only what the service does with them. */
public interface ExchangeRepository extends Repository<Exchange, Long> {

    Optional<Exchange> findById(Long orderId);

    boolean existsById(Long orderId);

    <S extends Exchange> S save(S exchange);

    /** One page, in the page's order; no count of all rows. */
    List<Exchange> findAllBy(Pageable page);
}
