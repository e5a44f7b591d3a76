package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

/** Point deducted {@code point} points (the points used) from the holder; {@code balance} is what is left. */
public record PointUsed(String eventId, long orderId, long timestamp, String userId, BigDecimal point, BigDecimal balance) implements SagaEvent {

    public PointUsed {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(point, "point");
        Events.required(balance, "balance");
    }

    public static PointUsed of(long orderId, String userId, BigDecimal point, BigDecimal balance) {
        return new PointUsed(Events.newId(), orderId, Events.now(), userId, point, balance);
    }
}
