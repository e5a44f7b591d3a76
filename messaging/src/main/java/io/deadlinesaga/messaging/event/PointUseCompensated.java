package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

/** Point refunded what it had deducted for the order ({@code refunded}, 0 when nothing was); the chain's last step. */
public record PointUseCompensated(String eventId, long orderId, long timestamp, String userId, BigDecimal refunded, BigDecimal balance) implements SagaEvent {

    public PointUseCompensated {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(refunded, "refunded");
        Events.required(balance, "balance");
    }

    public static PointUseCompensated of(long orderId, String userId, BigDecimal refunded, BigDecimal balance) {
        return new PointUseCompensated(Events.newId(), orderId, Events.now(), userId, refunded, balance);
    }
}
