package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;
import java.time.Clock;

import io.deadlinesaga.exchange.rates.ExchangeRates;
import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeFailed;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.faults.Fault;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.Delivery;
import io.deadlinesaga.messaging.inbox.OnEvent;
import io.deadlinesaga.messaging.inbox.RetryLater;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.ThrottledLog;
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

    private final ThrottledLog ignored = new ThrottledLog(log);

    private final ExchangeRepository exchanges;
    private final ExchangeRates rates;
    private final Outbox outbox;
    private final FaultInjection faults;
    private final Clock clock;

    ExchangeReactions(ExchangeRepository exchanges, ExchangeRates rates, Outbox outbox, FaultInjection faults,
            Clock clock) {
        this.exchanges = exchanges;
        this.rates = rates;
        this.outbox = outbox;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Saga step 2: convert the order's amount into points, unless the order is already closed here or its
     * deadline has passed (it is being rejected; exchanging now would only have to be undone).
     */
    @OnEvent
    void exchangeOnOrderCreated(OrderCreated event, Delivery delivery) {
        long orderId = event.orderId();
        if (exchanges.existsById(orderId)) {
            ignored.info("OrderCreated again", "orderId={} OrderCreated ignored: exchange already recorded", orderId);
            return;
        }
        if (faults.injects(Fault.FAILING_EXCHANGE, event.currencyId())) {
            outbox.append(ExchangeFailed.of(orderId, event.holderId(), "CURRENCY_UNAVAILABLE"));
            return;
        }
        if (faults.injects(Fault.FLAKY_EXCHANGE, event.currencyId()) && delivery.attempt() <= 2) {
            throw new IllegalStateException("fault 400: exchange failed on attempt " + delivery.attempt());
        }
        if (faults.injects(Fault.SLOW_EXCHANGE, event.currencyId()) && delivery.isFirstAttempt()) {
            throw stall("fault 100: the exchange step takes longer than the deadline", event);
        }
        boolean stalledAfterCheck = faults.injects(Fault.STALLED_EXCHANGE, event.currencyId());
        if (!stalledAfterCheck || delivery.isFirstAttempt()) {
            if (clock.millis() > event.deadline()) {
                log.info("orderId={} OrderCreated dropped: its deadline has passed", orderId);
                return;
            }
            if (stalledAfterCheck) {
                throw stall("fault 200: the order is open; the exchange step stalls before it commits", event);
            }
        }
        exchange(event);
    }

    private RetryLater stall(String why, OrderCreated event) {
        return new RetryLater(faults.stallUntilPast(faults.exchangeStall(), event.deadline(), clock.millis()),
                why);
    }

    private void exchange(OrderCreated event) {
        BigDecimal rate = rates.rateOf(event.currencyId());
        BigDecimal point = ExchangeRates.points(event.amount(), rate);
        exchanges.insert(Exchange.exchanged(event.orderId(), event.holderId(), event.currencyId(), event.amount(),
                rate, point, clock.millis()));
        outbox.append(ExchangeSucceed.of(event.orderId(), event.holderId(), event.currencyId(), event.amount(), rate,
                point));
    }

    /** Compensation step 1: undo the exchange, or record that there was none, and pass the chain on. */
    @OnEvent
    void compensateOnOrderRejected(OrderRejected event) {
        long now = clock.millis();
        Exchange exchange = exchanges.findById(event.orderId()).orElse(null);
        if (exchange == null) {
            exchanges.insert(Exchange.closedBeforeExchange(event.orderId(), event.holderId(), now));
            outbox.append(ExchangeCompensated.of(event.orderId(), event.holderId(), BigDecimal.ZERO, false));
        }
        else if (exchange.compensate(now)) {
            exchanges.update(exchange);
            outbox.append(ExchangeCompensated.of(event.orderId(), exchange.getUserId(), exchange.getPoint(), true));
        }
        else {
            ignored.info("OrderRejected again", "orderId={} OrderRejected ignored: exchange already {}", event.orderId(),
                    exchange.getState());
        }
    }
}
