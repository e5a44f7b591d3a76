package io.deadlinesaga.messaging.event;

/** Order approved the order: final. */
public record OrderPlaced(String eventId, long orderId, long timestamp, String holderId) implements SagaEvent {

    public OrderPlaced {
        Events.requireEnvelope(eventId, orderId);
        Events.required(holderId, "holderId");
    }

    public static OrderPlaced of(long orderId, String holderId) {
        return new OrderPlaced(Events.newId(), orderId, Events.now(), holderId);
    }
}
