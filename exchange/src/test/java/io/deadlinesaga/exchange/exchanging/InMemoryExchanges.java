package io.deadlinesaga.exchange.exchanging;

import java.util.List;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.data.domain.Pageable;

/** The exchange table in memory, keyed by order. */
class InMemoryExchanges extends InMemoryRepository<Exchange, Long> implements ExchangeRepository {

    InMemoryExchanges() {
        super(Exchange::getOrderId);
    }

    @Override
    public List<Exchange> findAllBy(Pageable page) {
        throw new UnsupportedOperationException("a web read: the reactions never list exchanges");
    }
}
