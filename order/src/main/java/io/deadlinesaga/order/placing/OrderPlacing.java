package io.deadlinesaga.order.placing;

import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.web.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saga step 1: an order is stored PENDING with its deadline, and OrderCreated is emitted with it. */
@Service
class OrderPlacing {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final OrderProperties properties;

    OrderPlacing(OrderRepository orders, Outbox outbox, OrderProperties properties) {
        this.orders = orders;
        this.outbox = outbox;
        this.properties = properties;
    }

    /**
     * Places the order. A request whose Idempotency-Key an earlier order holds fails on the key's unique
     * constraint ({@link org.springframework.dao.DataIntegrityViolationException}) and nothing is stored: the
     * caller answers it with {@link #placedBefore}. (Retries are rare, so every request is spared a lookup.)
     */
    @Transactional
    public Placed place(PlaceOrder request, String idempotencyKey) {
        long now = System.currentTimeMillis();
        Order order = orders.insert(new Order(request.holderId(), request.currencyId(), request.amount(), now,
                now + properties.deadline().toMillis(), idempotencyKey));
        outbox.append(OrderCreated.of(order.getId(), order.getHolderId(), order.getCurrencyId(), order.getAmount(),
                order.getDeadline()));
        return new Placed(order, true);
    }

    /** The order an earlier request with the same key placed (a retry, or a lost race between two requests). */
    @Transactional(readOnly = true)
    public Placed placedBefore(PlaceOrder request, String idempotencyKey) {
        return new Placed(sameRequest(orders.findByIdempotencyKey(idempotencyKey).orElseThrow(), request), false);
    }

    private static Order sameRequest(Order earlier, PlaceOrder request) {
        if (!earlier.sameRequestAs(request.holderId(), request.currencyId(), request.amount())) {
            throw ApiProblem.conflict("this Idempotency-Key was already used for a different order (id "
                    + earlier.getId() + ")");
        }
        return earlier;
    }

    /** @param isNew false when a retried request got the order an earlier request placed */
    public record Placed(Order order, boolean isNew) {
    }
}
