package io.deadlinesaga.messaging.event;

/** Point did not deduct; {@code reason} says why (INSUFFICIENT_POINTS, ORDER_CLOSED, …). */
public record PointUseFailed(String eventId, long orderId, long timestamp, String userId, String reason) implements SagaEvent {

    public PointUseFailed {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(reason, "reason");
    }

    public static PointUseFailed of(long orderId, String userId, String reason) {
        return new PointUseFailed(Events.newId(), orderId, Events.now(), userId, reason);
    }
}
