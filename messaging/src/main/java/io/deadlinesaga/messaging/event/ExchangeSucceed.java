package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;

/** Exchange converted the order's amount into {@code point} points at {@code rate}. */
public record ExchangeSucceed(String eventId, long orderId, long timestamp, String userId, long currencyId, BigDecimal amount, BigDecimal rate, BigDecimal point) implements SagaEvent {

    public ExchangeSucceed {
        Events.requireEnvelope(eventId, orderId);
        Events.required(userId, "userId");
        Events.required(amount, "amount");
        Events.required(rate, "rate");
        Events.required(point, "point");
    }

    public static ExchangeSucceed of(long orderId, String userId, long currencyId, BigDecimal amount, BigDecimal rate, BigDecimal point) {
        return new ExchangeSucceed(Events.newId(), orderId, Events.now(), userId, currencyId, amount, rate, point);
    }
}
