package io.deadlinesaga.exchange.exchanging;

import java.util.List;

import io.deadlinesaga.messaging.testing.InMemoryRepository;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** The exchange table in memory, keyed by order. */
class InMemoryExchanges extends InMemoryRepository<Exchange, Long> implements ExchangeRepository {

    InMemoryExchanges() {
        super(Exchange::getOrderId);
    }

    @Override
    public synchronized void insert(Exchange exchange) {
        if (existsById(exchange.getOrderId())) {
            throw new DuplicateKeyException("duplicate key " + exchange.getOrderId() + " in exchange");
        }
        save(exchange);
    }

    @Override
    public synchronized void update(Exchange exchange) {
        if (!existsById(exchange.getOrderId())) {
            throw new OptimisticLockingFailureException("no exchange of order " + exchange.getOrderId());
        }
    }

    @Override
    public List<Exchange> findNewest(Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list exchanges");
    }
}
