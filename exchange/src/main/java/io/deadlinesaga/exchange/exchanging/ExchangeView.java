package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;

/** An exchange as clients see it. */
record ExchangeView(long orderId, String userId, long currencyId, BigDecimal amount, BigDecimal rate,
        BigDecimal point, ExchangeState state) {

    static ExchangeView of(Exchange exchange) {
        return new ExchangeView(exchange.getOrderId(), exchange.getUserId(), exchange.getCurrencyId(),
                exchange.getAmount(), exchange.getRate(), exchange.getPoint(), exchange.getState());
    }
}
