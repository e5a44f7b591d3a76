package io.deadlinesaga.point.ledger;

import io.deadlinesaga.messaging.event.ExchangeCompensated;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseCompensated;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.faults.Fault;
import io.deadlinesaga.messaging.inbox.RetryLater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.point.ledger.PointFixture.NOW;
import static io.deadlinesaga.point.ledger.PointFixture.POINT_STALL;
import static io.deadlinesaga.point.ledger.PointFixture.anExchangeCompensated;
import static io.deadlinesaga.point.ledger.PointFixture.anExchangeSucceed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class PointReactionsTest {

    private static final long ORDER_ID = 7;
    private static final String HOLDER = "jjy";

    private final PointFixture point = new PointFixture();

    @BeforeEach
    void aHolderWithAThousandPoints() {
        point.accounts.open(HOLDER, "1000", NOW - 60_000);
    }

    // saga step 3: ExchangeSucceed

    @Test
    void deductsTheExchangedPointsFromTheHoldersBalance() {
        // when
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300.5"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("699.5");
        assertThat(point.ledger.entriesOf(ORDER_ID)).singleElement().satisfies(entry -> {
            assertThat(entry.getType()).isEqualTo(EntryType.DEDUCTION);
            assertThat(entry.getUserId()).isEqualTo(HOLDER);
            assertThat(entry.getPoint()).isEqualByComparingTo("300.5");
            assertThat(entry.getBalanceAfter()).isEqualByComparingTo("699.5");
            assertThat(entry.getCreatedAt()).isEqualTo(NOW);
        });
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUsed.class, used -> {
            assertThat(used.orderId()).isEqualTo(ORDER_ID);
            assertThat(used.userId()).isEqualTo(HOLDER);
            assertThat(used.point()).isEqualByComparingTo("300.5");
            assertThat(used.balance()).isEqualByComparingTo("699.5");
        });
    }

    @Test
    void deductsOnceWhenTheExchangeSucceedIsRedelivered() {
        // given
        ExchangeSucceed succeed = anExchangeSucceed(ORDER_ID, HOLDER, "300");
        point.deliver(succeed);

        // when
        point.deliver(succeed);

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("700");
        assertThat(point.ledger.entriesOf(ORDER_ID)).hasSize(1);
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void deductsOnceWhenTheExchangeSucceedIsRepublishedWithANewEventId() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));

        // when
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("700");
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void refusesAnOrderThatNeedsMorePointsThanTheBalance() {
        // when
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "1000.0001"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).isEmpty();
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseFailed.class, failed -> {
            assertThat(failed.userId()).isEqualTo(HOLDER);
            assertThat(failed.reason()).isEqualTo(PointReasons.INSUFFICIENT_POINTS);
        });
    }

    @Test
    void refusesARedeliveredOrderThatNeedsTooManyPointsAgainWithoutDeducting() {
        // given
        ExchangeSucceed succeed = anExchangeSucceed(ORDER_ID, HOLDER, "5000");
        point.deliver(succeed);

        // when
        point.deliver(succeed);

        // then: a refusal is not recorded, so it is sent again (the inbox drops a redelivery with the same
        // eventId first, and order ignores a second refusal of a decided order)
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).isEmpty();
        assertThat(point.outbox.eventTypes()).containsExactly("PointUseFailed", "PointUseFailed");
    }

    // OrderRejected and ExchangeCompensated before ExchangeSucceed

    @Test
    void deductsNothingForAnExchangeThatArrivesAfterTheOrdersRejection() {
        // given
        point.deliver(OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));

        // when
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).isEmpty();
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseFailed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PointReasons.ORDER_CLOSED));
    }

    @Test
    void deductsNothingForAnExchangeThatArrivesAfterTheExchangesCompensation() {
        // given
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "0"));
        point.outbox.clear();

        // when
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.findByOrderIdAndType(ORDER_ID, EntryType.DEDUCTION)).isEmpty();
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseFailed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PointReasons.ORDER_CLOSED));
    }

    @Test
    void closesTheOrderOnceWhenTheRejectionIsRedelivered() {
        // given
        OrderRejected rejected = OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE");
        point.deliver(rejected);

        // when
        point.deliver(rejected);

        // then: the refund waits for exchange's turn
        assertThat(point.closedOrders.count()).isEqualTo(1);
        assertThat(point.closedOrders.existsById(ORDER_ID)).isTrue();
        assertThat(point.outbox.events()).isEmpty();
    }

    // compensation step 2: ExchangeCompensated

    @Test
    void refundsWhatWasDeductedForARejectedOrder() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));
        point.deliver(OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));
        point.outbox.clear();

        // when
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "300"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.findByOrderIdAndType(ORDER_ID, EntryType.REFUND)).hasValueSatisfying(refund -> {
            assertThat(refund.getPoint()).isEqualByComparingTo("300");
            assertThat(refund.getBalanceAfter()).isEqualByComparingTo("1000");
        });
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseCompensated.class,
                compensated -> {
                    assertThat(compensated.userId()).isEqualTo(HOLDER);
                    assertThat(compensated.refunded()).isEqualByComparingTo("300");
                    assertThat(compensated.balance()).isEqualByComparingTo("1000");
                });
    }

    @Test
    void refundsOnceWhenTheCompensationIsRedelivered() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));
        ExchangeCompensated compensated = anExchangeCompensated(ORDER_ID, HOLDER, "300");
        point.deliver(compensated);

        // when
        point.deliver(compensated);

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).extracting(LedgerEntry::getType)
                .containsExactly(EntryType.DEDUCTION, EntryType.REFUND);
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed", "PointUseCompensated");
    }

    @Test
    void refundsTheDeductionItselfWhateverTheCompensationSays() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, HOLDER, "300"));
        point.outbox.clear();

        // when: exchange reports other points, or none; the ledger knows what was deducted
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "0"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.outbox.events(PointUseCompensated.class)).singleElement()
                .satisfies(compensated -> assertThat(compensated.refunded()).isEqualByComparingTo("300"));
    }

    @Test
    void recordsAnEmptyRefundWhenNothingWasDeducted() {
        // when
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "0"));

        // then: the chain still completes
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.closedOrders.existsById(ORDER_ID)).isTrue();
        assertThat(point.ledger.entriesOf(ORDER_ID)).singleElement().satisfies(refund -> {
            assertThat(refund.getType()).isEqualTo(EntryType.REFUND);
            assertThat(refund.getPoint()).isZero();
        });
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseCompensated.class,
                compensated -> {
                    assertThat(compensated.refunded()).isZero();
                    assertThat(compensated.balance()).isEqualByComparingTo("1000");
                });
    }

    @Test
    void recordsAnEmptyRefundForAHolderWithoutAnAccount() {
        // when
        point.deliver(anExchangeCompensated(ORDER_ID, "nobody", "0"));

        // then
        assertThat(point.ledger.entriesOf(ORDER_ID)).singleElement()
                .satisfies(refund -> assertThat(refund.getUserId()).isEqualTo("nobody"));
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUseCompensated.class,
                compensated -> {
                    assertThat(compensated.refunded()).isZero();
                    assertThat(compensated.balance()).isZero();
                });
    }

    @Test
    void recordsTheEmptyRefundOnceWhenTheCompensationIsRedelivered() {
        // given
        ExchangeCompensated compensated = anExchangeCompensated(ORDER_ID, HOLDER, "0");
        point.deliver(compensated);

        // when
        point.deliver(compensated);

        // then
        assertThat(point.ledger.entriesOf(ORDER_ID)).hasSize(1);
        assertThat(point.outbox.eventTypes()).containsExactly("PointUseCompensated");
    }

    // fault 500: the point step takes longer than the deadline

    @Test
    void stallsAnOrderInTheSlowCurrencyOnItsFirstAttempt() {
        // when
        Throwable stall = catchThrowable(() -> point.deliver(slowExchangeSucceed(), 1));

        // then
        assertThat(stall).isInstanceOfSatisfying(RetryLater.class, retry -> {
            assertThat(retry.delay()).isEqualTo(POINT_STALL);
            assertThat(retry.getMessage()).contains("fault 500");
        });
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).isEmpty();
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void deductsAnOrderInTheSlowCurrencyWhenItsStallIsOver() {
        // given
        ExchangeSucceed slow = slowExchangeSucceed();
        catchThrowable(() -> point.deliver(slow, 1));
        point.clock.advance(POINT_STALL);

        // when
        point.deliver(slow, 2);

        // then: deducted past the deadline; order rejects it and the chain refunds it
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("700");
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void leavesTheNetPointsOfASlowOrderUnchangedOnceTheChainHasRun() {
        // given
        ExchangeSucceed slow = slowExchangeSucceed();
        catchThrowable(() -> point.deliver(slow, 1));
        point.deliver(slow, 2);

        // when
        point.deliver(OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "300"));
        point.deliver(anExchangeCompensated(ORDER_ID, HOLDER, "300"));

        // then
        assertThat(point.accounts.balanceOf(HOLDER)).isEqualByComparingTo("1000");
        assertThat(point.ledger.entriesOf(ORDER_ID)).extracting(LedgerEntry::getType)
                .containsExactly(EntryType.DEDUCTION, EntryType.REFUND);
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed", "PointUseCompensated");
    }

    @Test
    void refusesWithoutStallingAnOrderInTheSlowCurrencyThatIsAlreadyClosed() {
        // given
        point.deliver(OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));

        // when
        point.deliver(slowExchangeSucceed(), 1);

        // then
        assertThat(point.outbox.events(PointUseFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.reason()).isEqualTo(PointReasons.ORDER_CLOSED));
    }

    private static ExchangeSucceed slowExchangeSucceed() {
        return anExchangeSucceed(ORDER_ID, HOLDER, Fault.SLOW_POINT.currencyId(), "300");
    }
}
