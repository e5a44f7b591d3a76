package io.deadlinesaga.messaging.event;

/** Order rejected the order (final) and starts the compensation chain; {@code reason} is POINT_LIMIT, DEADLINE, EXCHANGE_ERROR … */
public record OrderRejected(String eventId, long orderId, long timestamp, String holderId, String reason) implements SagaEvent {

    public OrderRejected {
        Events.requireEnvelope(eventId, orderId);
        Events.required(holderId, "holderId");
        Events.required(reason, "reason");
    }

    public static OrderRejected of(long orderId, String holderId, String reason) {
        return new OrderRejected(Events.newId(), orderId, Events.now(), holderId, reason);
    }
}
