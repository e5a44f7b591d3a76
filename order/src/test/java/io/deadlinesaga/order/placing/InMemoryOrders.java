package io.deadlinesaga.order.placing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.data.domain.Pageable;
import org.springframework.test.util.ReflectionTestUtils;

/** The orders table in memory; a new order gets the next id, as from the table's identity column. */
public class InMemoryOrders extends InMemoryRepository<Order, Long> implements OrderRepository {

    private final AtomicLong lastId = new AtomicLong();

    public InMemoryOrders() {
        super(Order::getId);
    }

    @Override
    public synchronized <S extends Order> S save(S order) {
        if (order.getId() == null) {
            ReflectionTestUtils.setField(order, "id", lastId.incrementAndGet());
        }
        return super.save(order);
    }

    @Override
    public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
        return rows().filter(order -> idempotencyKey.equals(ReflectionTestUtils.getField(order, "idempotencyKey")))
                .findFirst();
    }

    @Override
    public List<Order> findAllBy(Pageable page) {
        throw new UnsupportedOperationException("a web read: the reactions never list orders");
    }
}
