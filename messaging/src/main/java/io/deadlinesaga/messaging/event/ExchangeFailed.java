package io.deadlinesaga.messaging.event;

/** Exchange could not convert the order; the order is rejected with EXCHANGE_ERROR. */
public record ExchangeFailed(String eventId, long orderId, long timestamp, String userId, String reason) implements SagaEvent {

    public ExchangeFailed {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(reason, "reason");
    }

    public static ExchangeFailed of(long orderId, String userId, String reason) {
        return new ExchangeFailed(Events.newId(), orderId, Events.now(), userId, reason);
    }
}
