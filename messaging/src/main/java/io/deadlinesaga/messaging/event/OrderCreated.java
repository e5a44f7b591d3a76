package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

/** Order took an order; exchange converts it, deadline starts its clock. {@code deadline} is epoch ms. */
public record OrderCreated(String eventId, long orderId, long timestamp, String holderId, long currencyId, BigDecimal amount, long deadline) implements SagaEvent {

    public OrderCreated {
        Events.requireEnvelope(eventId, orderId);
        Events.required(holderId, "holderId");
        Events.required(amount, "amount");
    }

    public static OrderCreated of(long orderId, String holderId, long currencyId, BigDecimal amount, long deadline) {
        return new OrderCreated(Events.newId(), orderId, Events.now(), holderId, currencyId, amount, deadline);
    }
}
