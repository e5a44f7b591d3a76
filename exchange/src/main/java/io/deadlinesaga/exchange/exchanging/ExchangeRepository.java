package io.deadlinesaga.exchange.exchanging;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExchangeRepository extends JpaRepository<Exchange, Long> {

    /** One page, in the page's order; no count of all rows. */
    List<Exchange> findAllBy(Pageable page);
}
