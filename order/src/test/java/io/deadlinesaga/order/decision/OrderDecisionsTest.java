package io.deadlinesaga.order.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;

import io.deadlinesaga.messaging.event.DeadlineReached;
import io.deadlinesaga.messaging.event.ExchangeFailed;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseCompensated;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.testing.InMemoryOutbox;
import io.deadlinesaga.messaging.testing.TestClock;
import io.deadlinesaga.messaging.testing.TestTransactions;
import io.deadlinesaga.order.placing.InMemoryOrders;
import io.deadlinesaga.order.placing.Order;
import io.deadlinesaga.order.placing.OrderStatus;
import io.deadlinesaga.order.placing.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderDecisionsTest {

    private static final String HOLDER = "jjy";
    private static final long CREATED_AT = 1_700_000_000_000L;
    private static final Duration DEADLINE_AFTER = Duration.ofSeconds(10);
    private static final long DEADLINE = CREATED_AT + DEADLINE_AFTER.toMillis();
    private static final BigDecimal POINTS = new BigDecimal("550.275");

    private final TestClock clock = new TestClock(CREATED_AT);
    private final TestTransactions transactions = new TestTransactions();
    private final InMemoryOrders orders = new InMemoryOrders();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OrderDecisions decisions = new OrderDecisions(orders, outbox, new DecisionMetrics(meters), clock);

    private final Order order = orders.insert(new Order(HOLDER, 1, new BigDecimal("500.25"), CREATED_AT,
            DEADLINE, null));
    private final long orderId = order.getId();

    // saga step 4: PointUsed

    @Test
    void approvesAPendingOrderWhenItsPointsAreUsed() {
        // given
        clock.advance(Duration.ofMillis(40));

        // when
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getDecidedAt()).isEqualTo(CREATED_AT + 40);
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
            assertThat(placed.orderId()).isEqualTo(orderId);
            assertThat(placed.holderId()).isEqualTo(HOLDER);
        });
        assertThat(decisionsCounted("APPROVED", "none")).isEqualTo(1);
        assertThat(meters.get("saga.order.decision.latency").timer().count()).isEqualTo(1);
    }

    @Test
    void ignoresARedeliveredPointUsed() {
        // given
        PointUsed used = aPointUsed();
        deliver(decisions::approveOnPointUsed, used);
        long decidedAt = order.getDecidedAt();
        clock.advance(Duration.ofMillis(5));

        // when
        deliver(decisions::approveOnPointUsed, used);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getDecidedAt()).isEqualTo(decidedAt);
        assertThat(outbox.eventTypes()).containsExactly("OrderPlaced");
        assertThat(decisionsCounted("APPROVED", "none")).isEqualTo(1);
    }

    @Test
    void ignoresAPointUsedRepublishedWithANewEventId() {
        // given
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // when
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(outbox.eventTypes()).containsExactly("OrderPlaced");
    }

    @Test
    void approvesAPointUsedThatComesExactlyAtTheDeadline() {
        // given
        clock.set(DEADLINE);

        // when
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(outbox.eventTypes()).containsExactly("OrderPlaced");
    }

    @Test
    void rejectsWithDeadlineAPointUsedThatComesAfterTheDeadline() {
        // given: the deadline service is late, and has not fired yet
        clock.set(DEADLINE + 1);

        // when
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(order.getDetail()).contains("1 ms after it", "refunded");
        assertThat(outbox.events()).singleElement().isInstanceOfSatisfying(OrderRejected.class, rejected -> {
            assertThat(rejected.orderId()).isEqualTo(orderId);
            assertThat(rejected.holderId()).isEqualTo(HOLDER);
            assertThat(rejected.reason()).isEqualTo("DEADLINE");
        });
        assertThat(decisionsCounted("REJECTED", "DEADLINE")).isEqualTo(1);
    }

    @Test
    void rejectsALatePointUsedOnlyOnceWhenItIsRedelivered() {
        // given
        clock.set(DEADLINE + 1);
        PointUsed late = aPointUsed();
        deliver(decisions::approveOnPointUsed, late);

        // when
        deliver(decisions::approveOnPointUsed, late);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
        assertThat(decisionsCounted("REJECTED", "DEADLINE")).isEqualTo(1);
    }

    @Test
    void ignoresAPointUsedForAnOrderTheDeadlineHasRejected() {
        // given
        clock.set(DEADLINE + 3);
        deliver(decisions::rejectOnDeadlineReached, aDeadlineReached());

        // when: the deduction comes after all; the compensation chain refunds it
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    // PointUseFailed

    @Test
    void rejectsWithPointLimitWhenTheHolderHasTooFewPoints() {
        // when
        deliver(decisions::rejectOnPointUseFailed, PointUseFailed.of(orderId, HOLDER, "INSUFFICIENT_POINTS"));

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.POINT_LIMIT);
        assertThat(order.getDetail()).isEqualTo(HOLDER + " has fewer points than the order needs");
        assertThat(outbox.events(OrderRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo("POINT_LIMIT"));
    }

    @Test
    void rejectsWithPointErrorWhenPointRefusesForAnotherReason() {
        // when
        deliver(decisions::rejectOnPointUseFailed, PointUseFailed.of(orderId, HOLDER, "ORDER_CLOSED"));

        // then
        assertThat(order.getReason()).isEqualTo(RejectionReason.POINT_ERROR);
        assertThat(order.getDetail()).isEqualTo("point refused the order: ORDER_CLOSED");
        assertThat(outbox.events(OrderRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo("POINT_ERROR"));
    }

    @Test
    void ignoresARedeliveredPointUseFailed() {
        // given
        PointUseFailed failed = PointUseFailed.of(orderId, HOLDER, "INSUFFICIENT_POINTS");
        deliver(decisions::rejectOnPointUseFailed, failed);

        // when
        deliver(decisions::rejectOnPointUseFailed, failed);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
        assertThat(decisionsCounted("REJECTED", "POINT_LIMIT")).isEqualTo(1);
    }

    // ExchangeFailed

    @Test
    void rejectsWithExchangeErrorWhenTheExchangeFails() {
        // when
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE"));

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.EXCHANGE_ERROR);
        assertThat(order.getDetail()).isEqualTo("exchange failed: CURRENCY_UNAVAILABLE");
        assertThat(outbox.events(OrderRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo("EXCHANGE_ERROR"));
    }

    @Test
    void ignoresARedeliveredExchangeFailed() {
        // given
        ExchangeFailed failed = ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE");
        deliver(decisions::rejectOnExchangeFailed, failed);

        // when
        deliver(decisions::rejectOnExchangeFailed, failed);

        // then
        assertThat(order.getReason()).isEqualTo(RejectionReason.EXCHANGE_ERROR);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
        assertThat(decisionsCounted("REJECTED", "EXCHANGE_ERROR")).isEqualTo(1);
    }

    @Test
    void keepsTheFirstRejectionWhenAnotherFailureFollows() {
        // given
        clock.set(DEADLINE);
        deliver(decisions::rejectOnDeadlineReached, aDeadlineReached());

        // when
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE"));

        // then
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    // DeadlineReached

    @Test
    void rejectsWithDeadlineWhenTheDeadlineComesFirstAndSaysTheExchangeWasLate() {
        // given
        clock.set(DEADLINE + 2);

        // when
        deliver(decisions::rejectOnDeadlineReached, aDeadlineReached());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(order.getDecidedAt()).isEqualTo(DEADLINE + 2);
        assertThat(order.getDetail()).contains("the exchange did not answer in time");
        assertThat(outbox.events(OrderRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo("DEADLINE"));
    }

    @Test
    void saysThePointStepWasLateWhenTheDeadlineComesAfterTheExchange() {
        // given
        deliver(decisions::noteOnExchangeSucceed, anExchangeSucceed());
        clock.set(DEADLINE + 2);

        // when
        deliver(decisions::rejectOnDeadlineReached, aDeadlineReached());

        // then
        assertThat(order.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(order.getDetail()).contains("the points were not deducted in time", "has " + HOLDER + " a point account?");
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    @Test
    void ignoresARedeliveredDeadlineReached() {
        // given
        clock.set(DEADLINE);
        DeadlineReached reached = aDeadlineReached();
        deliver(decisions::rejectOnDeadlineReached, reached);

        // when
        deliver(decisions::rejectOnDeadlineReached, reached);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
        assertThat(decisionsCounted("REJECTED", "DEADLINE")).isEqualTo(1);
    }

    @Test
    void keepsTheApprovalWhenTheDeadlineFiresAfterIt() {
        // given
        deliver(decisions::approveOnPointUsed, aPointUsed());
        clock.set(DEADLINE + 1);

        // when
        deliver(decisions::rejectOnDeadlineReached, aDeadlineReached());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getReason()).isNull();
        assertThat(outbox.eventTypes()).containsExactly("OrderPlaced");
        assertThat(meters.find("saga.order.decisions").tag("outcome", "REJECTED").counter()).isNull();
    }

    // ExchangeSucceed

    @Test
    void notesTheExchangeWithoutDecidingOrEmitting() {
        // when
        deliver(decisions::noteOnExchangeSucceed, anExchangeSucceed());

        // then
        assertThat(order.isExchanged()).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void ignoresARedeliveredExchangeSucceed() {
        // given
        ExchangeSucceed succeed = anExchangeSucceed();
        deliver(decisions::noteOnExchangeSucceed, succeed);

        // when
        deliver(decisions::noteOnExchangeSucceed, succeed);

        // then
        assertThat(order.isExchanged()).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void aLateExchangeSucceedChangesNothingOfAClosedOrder() {
        // given
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE"));

        // when
        deliver(decisions::noteOnExchangeSucceed, anExchangeSucceed());

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getReason()).isEqualTo(RejectionReason.EXCHANGE_ERROR);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    // PointUseCompensated: the chain's end

    @Test
    void marksARejectionFullyCompensatedWhenTheChainEnds() {
        // given
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE"));
        clock.advance(Duration.ofMillis(30));

        // when
        deliver(decisions::closeOnPointUseCompensated, aPointUseCompensated());

        // then
        assertThat(order.getCompensatedAt()).isEqualTo(CREATED_AT + 30);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    @Test
    void ignoresARedeliveredPointUseCompensated() {
        // given
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(orderId, HOLDER, "CURRENCY_UNAVAILABLE"));
        PointUseCompensated compensated = aPointUseCompensated();
        deliver(decisions::closeOnPointUseCompensated, compensated);
        long compensatedAt = order.getCompensatedAt();
        clock.advance(Duration.ofSeconds(1));

        // when
        deliver(decisions::closeOnPointUseCompensated, compensated);

        // then
        assertThat(order.getCompensatedAt()).isEqualTo(compensatedAt);
        assertThat(outbox.eventTypes()).containsExactly("OrderRejected");
    }

    @Test
    void neverMarksAnApprovedOrderCompensated() {
        // given
        deliver(decisions::approveOnPointUsed, aPointUsed());

        // when
        deliver(decisions::closeOnPointUseCompensated, aPointUseCompensated());

        // then
        assertThat(order.getCompensatedAt()).isNull();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(outbox.eventTypes()).containsExactly("OrderPlaced");
    }

    // what is not this service's order, and what rolls back

    @Test
    void ignoresEveryEventOfAnOrderItDoesNotKnow() {
        // given
        long unknown = orderId + 1000;

        // when
        deliver(decisions::approveOnPointUsed, PointUsed.of(unknown, HOLDER, POINTS, BigDecimal.TEN));
        deliver(decisions::rejectOnPointUseFailed, PointUseFailed.of(unknown, HOLDER, "INSUFFICIENT_POINTS"));
        deliver(decisions::rejectOnExchangeFailed, ExchangeFailed.of(unknown, HOLDER, "CURRENCY_UNAVAILABLE"));
        deliver(decisions::rejectOnDeadlineReached, DeadlineReached.of(unknown, DEADLINE, DEADLINE));
        deliver(decisions::noteOnExchangeSucceed, ExchangeSucceed.of(unknown, HOLDER, 1, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE));
        deliver(decisions::closeOnPointUseCompensated, PointUseCompensated.of(unknown, HOLDER, BigDecimal.ZERO,
                BigDecimal.TEN));

        // then
        assertThat(outbox.events()).isEmpty();
        assertThat(orders.count()).isEqualTo(1);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void countsADecisionOnlyOnceItsTransactionCommits() {
        // when: the batch that approved the order rolls back (to be handled again)
        assertThatThrownBy(() -> transactions.run(() -> {
            decisions.approveOnPointUsed(aPointUsed());
            throw new IllegalStateException("a later handler of the batch failed");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(meters.find("saga.order.decisions").counter()).isNull();
        assertThat(meters.get("saga.order.decision.latency").timer().count()).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    private <E extends SagaEvent> void deliver(Consumer<E> handler, E event) {
        transactions.run(() -> handler.accept(event));
        assertThat(orders.changedSinceWritten()).as("orders changed but not written").isEmpty();
    }

    private double decisionsCounted(String outcome, String reason) {
        Counter counter = meters.find("saga.order.decisions").tag("outcome", outcome).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private PointUsed aPointUsed() {
        return PointUsed.of(orderId, HOLDER, POINTS, new BigDecimal("9449.725"));
    }

    private ExchangeSucceed anExchangeSucceed() {
        return ExchangeSucceed.of(orderId, HOLDER, 1, new BigDecimal("500.25"), new BigDecimal("1.1"), POINTS);
    }

    private DeadlineReached aDeadlineReached() {
        return DeadlineReached.of(orderId, DEADLINE, clock.millis());
    }

    private PointUseCompensated aPointUseCompensated() {
        return PointUseCompensated.of(orderId, HOLDER, POINTS, new BigDecimal("10000"));
    }
}
