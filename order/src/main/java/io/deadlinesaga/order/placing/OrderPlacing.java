package io.deadlinesaga.order.placing;

import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.outbox.Outbox;

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

    @Transactional
    public Order place(PlaceOrder request) {
        long now = System.currentTimeMillis();
        Order order = orders.save(new Order(request.holderId(), request.currencyId(), request.amount(), now,
                now + properties.deadline().toMillis()));
        outbox.append(OrderCreated.of(order.getId(), order.getHolderId(), order.getCurrencyId(), order.getAmount(),
                order.getDeadline()));
        return order;
    }
}
