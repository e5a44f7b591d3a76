package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

/** Exchange undid the order's exchange ({@code undone} true) or recorded that there was none to undo (false, point 0). */
public record ExchangeCompensated(String eventId, long orderId, long timestamp, String userId, BigDecimal point, boolean undone) implements SagaEvent {

    public ExchangeCompensated {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(point, "point");
    }

    public static ExchangeCompensated of(long orderId, String userId, BigDecimal point, boolean undone) {
        return new ExchangeCompensated(Events.newId(), orderId, Events.now(), userId, point, undone);
    }
}
