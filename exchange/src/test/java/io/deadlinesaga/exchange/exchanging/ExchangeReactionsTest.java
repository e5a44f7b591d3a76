package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.deadlinesaga.exchange.rates.ExchangeRates;
import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeFailed;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.faults.Fault;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.Delivery;
import io.deadlinesaga.messaging.inbox.RetryLater;
import io.deadlinesaga.messaging.testing.InMemoryOutbox;
import io.deadlinesaga.messaging.testing.TestClock;
import io.deadlinesaga.messaging.testing.TestTransactions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ExchangeReactionsTest {

    private static final long ORDER_ID = 7;
    private static final String HOLDER = "jjy";
    private static final long CREATED_AT = 1_700_000_000_000L;
    private static final long DEADLINE = CREATED_AT + 10_000;
    private static final long CURRENCY = 2;
    private static final BigDecimal AMOUNT = new BigDecimal("500.25");
    private static final BigDecimal RATE = new BigDecimal("1.25");
    private static final Duration EXCHANGE_STALL = Duration.ofSeconds(10);

    private final TestClock clock = new TestClock(CREATED_AT);
    private final TestTransactions transactions = new TestTransactions();
    private final InMemoryExchanges exchanges = new InMemoryExchanges();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final ExchangeRates rates = new ExchangeRates(BigDecimal.ONE, Map.of(CURRENCY, RATE));
    private final ExchangeReactions reactions = reactionsWith(new FaultInjection(true, EXCHANGE_STALL,
            Duration.ofSeconds(12)));

    // saga step 2: OrderCreated

    @Test
    void exchangesAnOpenOrderAtItsCurrencysRate() {
        // when
        deliver(anOrderCreated(CURRENCY));

        // then
        Exchange exchange = exchanges.findById(ORDER_ID).orElseThrow();
        assertThat(exchange.getState()).isEqualTo(ExchangeState.EXCHANGED);
        assertThat(exchange.getUserId()).isEqualTo(HOLDER);
        assertThat(exchange.getRate()).isEqualTo(RATE);
        assertThat(exchange.getPoint()).isEqualTo(new BigDecimal("625.3125"));
        assertThat(exchange.getUpdatedAt()).isEqualTo(CREATED_AT);
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(ExchangeSucceed.class, succeed -> {
            assertThat(succeed.orderId()).isEqualTo(ORDER_ID);
            assertThat(succeed.userId()).isEqualTo(HOLDER);
            assertThat(succeed.currencyId()).isEqualTo(CURRENCY);
            assertThat(succeed.amount()).isEqualTo(AMOUNT);
            assertThat(succeed.rate()).isEqualTo(RATE);
            assertThat(succeed.point()).isEqualTo(new BigDecimal("625.3125"));
        });
    }

    @Test
    void ignoresARedeliveredOrderCreated() {
        // given
        OrderCreated created = anOrderCreated(CURRENCY);
        deliver(created);

        // when
        deliver(created);

        // then
        assertThat(exchanges.count()).isEqualTo(1);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    @Test
    void ignoresAnOrderCreatedRepublishedWithANewEventId() {
        // given
        deliver(anOrderCreated(CURRENCY));

        // when
        deliver(anOrderCreated(CURRENCY));

        // then
        assertThat(exchanges.count()).isEqualTo(1);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    @Test
    void dropsAnOrderCreatedThatArrivesAfterItsDeadline() {
        // given
        clock.set(DEADLINE + 1);

        // when
        deliver(anOrderCreated(CURRENCY));

        // then: the order is being rejected; an exchange now would only have to be undone
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void exchangesNothingForALateOrderCreatedOfAnOrderAlreadyRejected() {
        // given
        deliver(anOrderRejected());
        outbox.clear();

        // when
        deliver(anOrderCreated(CURRENCY));

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(outbox.events()).isEmpty();
    }

    // compensation step 1: OrderRejected

    @Test
    void undoesTheExchangeOfARejectedOrder() {
        // given
        deliver(anOrderCreated(CURRENCY));
        outbox.clear();
        clock.advance(Duration.ofMillis(70));

        // when
        deliver(anOrderRejected());

        // then
        Exchange exchange = exchanges.findById(ORDER_ID).orElseThrow();
        assertThat(exchange.getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(exchange.inEffect()).isFalse();
        assertThat(exchange.getUpdatedAt()).isEqualTo(CREATED_AT + 70);
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(ExchangeCompensated.class, compensated -> {
            assertThat(compensated.orderId()).isEqualTo(ORDER_ID);
            assertThat(compensated.userId()).isEqualTo(HOLDER);
            assertThat(compensated.point()).isEqualTo(new BigDecimal("625.3125"));
            assertThat(compensated.undone()).isTrue();
        });
    }

    @Test
    void undoesTheExchangeOnceWhenTheRejectionIsRedelivered() {
        // given
        deliver(anOrderCreated(CURRENCY));
        OrderRejected rejected = anOrderRejected();
        deliver(rejected);

        // when
        deliver(rejected);

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed", "ExchangeCompensated");
    }

    @Test
    void recordsAnEmptyCompensationForAnOrderRejectedBeforeItsExchange() {
        // when
        deliver(anOrderRejected());

        // then: the chain goes on, saying there was nothing to undo
        Exchange closed = exchanges.findById(ORDER_ID).orElseThrow();
        assertThat(closed.getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(closed.getUserId()).isEqualTo(HOLDER);
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(ExchangeCompensated.class, compensated -> {
            assertThat(compensated.point()).isZero();
            assertThat(compensated.undone()).isFalse();
            assertThat(compensated.userId()).isEqualTo(HOLDER);
        });
    }

    @Test
    void recordsTheEmptyCompensationOnceWhenTheRejectionIsRedelivered() {
        // given
        OrderRejected rejected = anOrderRejected();
        deliver(rejected);

        // when
        deliver(rejected);

        // then
        assertThat(exchanges.count()).isEqualTo(1);
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeCompensated");
    }

    // fault injection (DESIGN section 7)

    @Test
    void failsAnOrderInTheFailingCurrencyForGood() {
        // when
        deliver(anOrderCreated(Fault.FAILING_EXCHANGE.currencyId()));

        // then
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(ExchangeFailed.class, failed -> {
            assertThat(failed.orderId()).isEqualTo(ORDER_ID);
            assertThat(failed.reason()).isEqualTo("CURRENCY_UNAVAILABLE");
        });
    }

    @Test
    void failsARedeliveredOrderInTheFailingCurrencyAgainWithoutExchangingIt() {
        // given
        OrderCreated created = anOrderCreated(Fault.FAILING_EXCHANGE.currencyId());
        deliver(created);

        // when
        deliver(created);

        // then: nothing is recorded for a failure, so the handler fails it again (the inbox drops a redelivery
        // with the same eventId first, and order ignores the second ExchangeFailed of a decided order)
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.eventTypes()).containsExactly("ExchangeFailed", "ExchangeFailed");
    }

    @Test
    void undoesNothingForAnOrderOfTheFailingCurrencyWhenItIsRejected() {
        // given
        deliver(anOrderCreated(Fault.FAILING_EXCHANGE.currencyId()));
        outbox.clear();

        // when
        deliver(anOrderRejected());

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(outbox.events(ExchangeCompensated.class)).singleElement()
                .satisfies(compensated -> assertThat(compensated.undone()).isFalse());
    }

    @Test
    void failsAnOrderInTheFlakyCurrencyOnItsFirstTwoAttemptsWithoutExchangingIt() {
        // given
        OrderCreated created = anOrderCreated(Fault.FLAKY_EXCHANGE.currencyId());

        // when
        Throwable first = catchThrowable(() -> deliver(created, 1));
        Throwable second = catchThrowable(() -> deliver(created, 2));

        // then: thrown to be retried; the transactions roll back
        assertThat(first).hasMessageContaining("fault 400");
        assertThat(second).hasMessageContaining("fault 400");
        assertThat(transactions.rollbacks()).isEqualTo(2);
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void exchangesAnOrderInTheFlakyCurrencyOnItsThirdAttempt() {
        // given
        OrderCreated created = anOrderCreated(Fault.FLAKY_EXCHANGE.currencyId());
        catchThrowable(() -> deliver(created, 1));
        catchThrowable(() -> deliver(created, 2));

        // when
        deliver(created, 3);

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().inEffect()).isTrue();
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    @Test
    void exchangesAnOrderInTheFlakyCurrencyOnceWhenItIsRedeliveredAfterSucceeding() {
        // given
        OrderCreated created = anOrderCreated(Fault.FLAKY_EXCHANGE.currencyId());
        deliver(created, 3);

        // when
        deliver(created, 4);

        // then
        assertThat(exchanges.count()).isEqualTo(1);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    @Test
    void stallsAnOrderInTheSlowCurrencyUntilPastItsDeadline() {
        // when
        Throwable stall = catchThrowable(() -> deliver(anOrderCreated(Fault.SLOW_EXCHANGE.currencyId()), 1));

        // then: the configured 10 s, stretched to 1 s past the deadline
        assertThat(stall).isInstanceOfSatisfying(RetryLater.class, retry -> {
            assertThat(retry.delay()).isEqualTo(Duration.ofMillis(DEADLINE - CREATED_AT + 1_000));
            assertThat(retry.getMessage()).contains("fault 100");
        });
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void dropsAnOrderInTheSlowCurrencyWhenItComesBackAfterItsDeadline() {
        // given
        OrderCreated created = anOrderCreated(Fault.SLOW_EXCHANGE.currencyId());
        catchThrowable(() -> deliver(created, 1));
        clock.set(DEADLINE + 1_000);

        // when
        deliver(created, 2);

        // then: the deadline rejects the order; no exchange is in effect
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void stallsAnOpenOrderInTheStalledCurrencyAfterCheckingIt() {
        // when
        Throwable stall = catchThrowable(() -> deliver(anOrderCreated(Fault.STALLED_EXCHANGE.currencyId()), 1));

        // then
        assertThat(stall).isInstanceOfSatisfying(RetryLater.class, retry -> {
            assertThat(retry.delay()).isEqualTo(Duration.ofMillis(DEADLINE - CREATED_AT + 1_000));
            assertThat(retry.getMessage()).contains("fault 200");
        });
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void exchangesAnOrderInTheStalledCurrencyAfterItsStallAlthoughItsDeadlineHasPassed() {
        // given
        OrderCreated created = anOrderCreated(Fault.STALLED_EXCHANGE.currencyId());
        catchThrowable(() -> deliver(created, 1));
        clock.set(DEADLINE + 1_000);

        // when
        deliver(created, 2);

        // then: the open order was checked before the stall; the rejection's chain undoes this exchange
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().inEffect()).isTrue();
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    @Test
    void undoesTheStalledExchangeOnceTheDeadlinesRejectionArrives() {
        // given
        OrderCreated created = anOrderCreated(Fault.STALLED_EXCHANGE.currencyId());
        catchThrowable(() -> deliver(created, 1));
        clock.set(DEADLINE + 1_000);
        deliver(created, 2);

        // when
        deliver(OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed", "ExchangeCompensated");
    }

    @Test
    void dropsAnOrderInTheStalledCurrencyWhoseDeadlineHasPassedBeforeTheCheck() {
        // given
        clock.set(DEADLINE + 1);

        // when
        deliver(anOrderCreated(Fault.STALLED_EXCHANGE.currencyId()), 1);

        // then
        assertThat(exchanges.count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void injectsNoFaultWhenFaultInjectionIsOff() {
        // given
        ExchangeReactions production = reactionsWith(new FaultInjection(false, EXCHANGE_STALL, Duration.ofSeconds(12)));

        // when
        transactions.run(() -> production.exchangeOnOrderCreated(anOrderCreated(Fault.FAILING_EXCHANGE.currencyId()),
                new Delivery(1, CREATED_AT)));

        // then
        assertThat(exchanges.findById(ORDER_ID).orElseThrow().inEffect()).isTrue();
        assertThat(outbox.eventTypes()).containsExactly("ExchangeSucceed");
    }

    private ExchangeReactions reactionsWith(FaultInjection faults) {
        return new ExchangeReactions(exchanges, rates, outbox, faults, clock);
    }

    private void deliver(OrderCreated event) {
        deliver(event, 1);
    }

    private void deliver(OrderCreated event, int attempt) {
        transactions.run(() -> reactions.exchangeOnOrderCreated(event, new Delivery(attempt, clock.millis())));
    }

    private void deliver(OrderRejected event) {
        transactions.run(() -> reactions.compensateOnOrderRejected(event));
    }

    private static OrderCreated anOrderCreated(long currencyId) {
        return OrderCreated.of(ORDER_ID, HOLDER, currencyId, AMOUNT, DEADLINE);
    }

    private static OrderRejected anOrderRejected() {
        return OrderRejected.of(ORDER_ID, HOLDER, "POINT_LIMIT");
    }
}
