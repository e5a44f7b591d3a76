package io.deadlinesaga.order.placing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.deadlinesaga.messaging.testing.InMemoryRepository;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The orders table in memory; a new order gets the next id, as from the table's identity column, and a reused
 * Idempotency-Key fails as on the table's unique constraint. Orders are kept by reference, so what each order
 * looked like when last written is kept beside it: {@link #changedSinceWritten} names the orders whose change
 * no {@link #update} stored.
 */
public class InMemoryOrders extends InMemoryRepository<Order, Long> implements OrderRepository {

    private final AtomicLong lastId = new AtomicLong();
    private final Map<Long, List<Object>> written = new HashMap<>();

    public InMemoryOrders() {
        super(Order::getId);
    }

    @Override
    public synchronized Order insert(Order order) {
        String key = order.getIdempotencyKey();
        if (key != null && findByIdempotencyKey(key).isPresent()) {
            throw new DataIntegrityViolationException("duplicate Idempotency-Key " + key);
        }
        order.assignId(lastId.incrementAndGet());
        save(order);
        written.put(order.getId(), columns(order));
        return order;
    }

    @Override
    public synchronized void update(Order order) {
        if (findById(order.getId()).orElse(null) != order) {
            throw new OptimisticLockingFailureException("order " + order.getId() + " is not stored");
        }
        written.put(order.getId(), columns(order));
    }

    @Override
    public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
        return rows().filter(order -> idempotencyKey.equals(order.getIdempotencyKey())).findFirst();
    }

    @Override
    public List<Order> findNewest(Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list orders");
    }

    /** The ids of the orders that changed after they were last inserted or updated: a change that would be lost. */
    public synchronized List<Long> changedSinceWritten() {
        return rows().filter(order -> !columns(order).equals(written.get(order.getId()))).map(Order::getId).toList();
    }

    private static List<Object> columns(Order order) {
        return Arrays.asList(order.getStatus(), order.getReason(), order.getDetail(), order.getExchangedAt(),
                order.getDecidedAt(), order.getCompensatedAt());
    }
}
