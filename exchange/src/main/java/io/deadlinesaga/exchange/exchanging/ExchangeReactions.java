package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;

import io.deadlinesaga.exchange.rates.ExchangeRates;
import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.inbox.OnEvent;
import io.deadlinesaga.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Saga step 2 and compensation step 1. An order has at most one exchange; once the order is rejected here,
 * a late OrderCreated exchanges nothing.
 */
@Component
class ExchangeReactions {

    private static final Logger log = LoggerFactory.getLogger(ExchangeReactions.class);

    private final ExchangeRepository exchanges;
    private final ExchangeRates rates;
    private final Outbox outbox;

    ExchangeReactions(ExchangeRepository exchanges, ExchangeRates rates, Outbox outbox) {
        this.exchanges = exchanges;
        this.rates = rates;
        this.outbox = outbox;
    }

    /** Saga step 2: convert the order's amount into points. */
    @OnEvent
    void exchangeOnOrderCreated(OrderCreated event) {
        if (exchanges.existsById(event.orderId())) {
            log.info("orderId={} OrderCreated ignored: exchange already recorded", event.orderId());
            return;
        }
        BigDecimal rate = rates.rateOf(event.currencyId());
        BigDecimal point = ExchangeRates.points(event.amount(), rate);
        exchanges.save(Exchange.exchanged(event.orderId(), event.holderId(), event.currencyId(), event.amount(), rate,
                point, System.currentTimeMillis()));
        outbox.append(ExchangeSucceed.of(event.orderId(), event.holderId(), event.currencyId(), event.amount(), rate,
                point));
    }

    /** Compensation step 1: undo the exchange, or record that there was none, and pass the chain on. */
    @OnEvent
    void compensateOnOrderRejected(OrderRejected event) {
        long now = System.currentTimeMillis();
        Exchange exchange = exchanges.findById(event.orderId()).orElse(null);
        if (exchange == null) {
            exchanges.save(Exchange.closedBeforeExchange(event.orderId(), event.holderId(), now));
            outbox.append(ExchangeCompensated.of(event.orderId(), event.holderId(), BigDecimal.ZERO, false));
        }
        else if (exchange.compensate(now)) {
            outbox.append(ExchangeCompensated.of(event.orderId(), exchange.getUserId(), exchange.getPoint(), true));
        }
        else {
            log.info("orderId={} OrderRejected ignored: exchange already {}", event.orderId(), exchange.getState());
        }
    }
}
