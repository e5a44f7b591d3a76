package io.deadlinesaga.point.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.point.ledger.InMemoryPendingUses.nextLookAt;
import static io.deadlinesaga.point.ledger.PointFixture.NOW;
import static io.deadlinesaga.point.ledger.PointFixture.anExchangeCompensated;
import static io.deadlinesaga.point.ledger.PointFixture.anExchangeSucceed;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders whose exchange came before their holder's point account (DESIGN rule 8). */
class EarlyOrdersTest {

    private static final long ORDER_ID = 7;
    private static final String NEWCOMER = "newcomer";

    private final PointFixture point = new PointFixture();

    @Test
    void makesAnOrderWaitWhenItsHolderHasNoAccountYet() {
        // when
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // then: it holds nothing and is due for a first look at once
        PendingUse waiting = point.pendingUses.findById(ORDER_ID).orElseThrow();
        assertThat(waiting.getUserId()).isEqualTo(NEWCOMER);
        assertThat(waiting.getPoint()).isEqualByComparingTo("300");
        assertThat(waiting.looks()).isZero();
        assertThat(waiting.isDue(NOW)).isTrue();
        assertThat(point.ledger.all()).isEmpty();
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void keepsOneWaitingOrderWhenTheExchangeSucceedIsRedelivered() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // when
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // then
        assertThat(point.pendingUses.count()).isEqualTo(1);
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void looksAgainWithAPauseThatDoublesEachTimeNoAccountIsFound() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        PendingUse waiting = point.pendingUses.findById(ORDER_ID).orElseThrow();

        // when: each look is made when the one before said
        List<Long> pauses = new ArrayList<>();
        for (int look = 0; look < 7; look++) {
            point.lookAtEarlyOrders();
            pauses.add(nextLookAt(waiting) - point.clock.millis());
            point.clock.set(nextLookAt(waiting));
        }

        // then
        assertThat(pauses).containsExactly(100L, 200L, 400L, 800L, 1_600L, 2_000L, 2_000L);
        assertThat(waiting.looks()).isEqualTo(7);
        assertThat(point.pendingUses.count()).isEqualTo(1);
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void leavesAWaitingOrderAloneUntilItsNextLookIsDue() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        point.lookAtEarlyOrders();
        PendingUse waiting = point.pendingUses.findById(ORDER_ID).orElseThrow();
        long due = nextLookAt(waiting);
        point.clock.set(due - 1);

        // when
        point.lookAtEarlyOrders();

        // then
        assertThat(waiting.looks()).isEqualTo(1);
        assertThat(nextLookAt(waiting)).isEqualTo(due);
    }

    @Test
    void deductsAWaitingOrderOnceTheAccountIsOpened() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        point.lookAtEarlyOrders();

        // when
        point.openAccount(NEWCOMER, "1000");
        point.lookAtEarlyOrders();

        // then
        assertThat(point.accounts.balanceOf(NEWCOMER)).isEqualByComparingTo("700");
        assertThat(point.pendingUses.count()).isZero();
        assertThat(point.ledger.findByOrderIdAndType(ORDER_ID, EntryType.DEDUCTION)).isPresent();
        assertThat(point.outbox.events()).singleElement().isInstanceOfSatisfying(PointUsed.class, used -> {
            assertThat(used.orderId()).isEqualTo(ORDER_ID);
            assertThat(used.userId()).isEqualTo(NEWCOMER);
            assertThat(used.balance()).isEqualByComparingTo("700");
        });
    }

    @Test
    void makesTheWaitingOrdersDueAtOnceWhenTheAccountIsOpened() {
        // given: the pause has grown to its longest, 2 s
        PendingUse waiting = waitingWithTheLongestPause();

        // when
        point.openAccount(NEWCOMER, "1000");

        // then
        assertThat(waiting.isDue(point.clock.millis())).isTrue();
    }

    @Test
    void deductsAWaitingOrderAtTheFirstLookAfterItsAccountIsOpened() {
        // given
        PendingUse waiting = waitingWithTheLongestPause();
        point.openAccount(NEWCOMER, "1000");

        // when: the next round, 2 s before the look the last pause set
        point.lookAtEarlyOrders();

        // then
        assertThat(point.pendingUses.count()).isZero();
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void deductsAWaitingOrderOnceHoweverOftenItIsLookedAt() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        point.openAccount(NEWCOMER, "1000");
        point.lookAtEarlyOrders();

        // when
        point.lookAtEarlyOrders();
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // then
        assertThat(point.accounts.balanceOf(NEWCOMER)).isEqualByComparingTo("700");
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void servesTheWaitingOrdersOfAHolderInOrderWhileTheBalanceLasts() {
        // given
        point.deliver(anExchangeSucceed(8, NEWCOMER, "600"));
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "600"));

        // when
        point.openAccount(NEWCOMER, "1000");
        point.lookAtEarlyOrders();

        // then
        assertThat(point.accounts.balanceOf(NEWCOMER)).isEqualByComparingTo("400");
        assertThat(point.outbox.events()).hasSize(2);
        assertThat(point.outbox.events(PointUsed.class)).singleElement()
                .satisfies(used -> assertThat(used.orderId()).isEqualTo(ORDER_ID));
        assertThat(point.outbox.events(PointUseFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.orderId()).isEqualTo(8);
            assertThat(failed.reason()).isEqualTo(PointReasons.INSUFFICIENT_POINTS);
        });
        assertThat(point.pendingUses.count()).isZero();
    }

    @Test
    void dropsAWaitingOrderWhenItIsRejected() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // when
        point.deliver(OrderRejected.of(ORDER_ID, NEWCOMER, "DEADLINE"));
        point.openAccount(NEWCOMER, "1000");
        point.lookAtEarlyOrders();

        // then
        assertThat(point.pendingUses.count()).isZero();
        assertThat(point.accounts.balanceOf(NEWCOMER)).isEqualByComparingTo("1000");
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void completesTheChainOfAWaitingOrderRejectedAtTheDeadlineWithAnEmptyRefund() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        point.deliver(OrderRejected.of(ORDER_ID, NEWCOMER, "DEADLINE"));

        // when
        point.deliver(anExchangeCompensated(ORDER_ID, NEWCOMER, "300"));

        // then
        assertThat(point.pendingUses.count()).isZero();
        assertThat(point.ledger.findByOrderIdAndType(ORDER_ID, EntryType.REFUND))
                .hasValueSatisfying(refund -> assertThat(refund.getPoint()).isZero());
        assertThat(point.outbox.eventTypes()).containsExactly("PointUseCompensated");
    }

    @Test
    void deductsNothingForAWaitingOrderFoundClosedWhenItsAccountComes() {
        // given: the order was closed while its row was being looked at
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        point.transactions.run(() -> point.closedOrders.insert(new ClosedOrder(ORDER_ID, NOW)));

        // when
        point.openAccount(NEWCOMER, "1000");
        point.lookAtEarlyOrders();

        // then
        assertThat(point.pendingUses.count()).isZero();
        assertThat(point.accounts.balanceOf(NEWCOMER)).isEqualByComparingTo("1000");
        assertThat(point.outbox.events()).isEmpty();
    }

    @Test
    void leavesAWaitingOrderOfAnotherHolderWaiting() {
        // given
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));

        // when
        point.openAccount("someone-else", "1000");
        point.clock.advance(Duration.ofMillis(1));
        point.lookAtEarlyOrders();

        // then
        assertThat(point.pendingUses.findById(ORDER_ID)).hasValueSatisfying(
                waiting -> assertThat(waiting.looks()).isEqualTo(1));
        assertThat(point.outbox.events()).isEmpty();
    }

    /** An early order looked at until the pause between two looks has grown to its longest, 2 s. */
    private PendingUse waitingWithTheLongestPause() {
        point.deliver(anExchangeSucceed(ORDER_ID, NEWCOMER, "300"));
        PendingUse waiting = point.pendingUses.findById(ORDER_ID).orElseThrow();
        for (int look = 0; look < 6; look++) {
            point.lookAtEarlyOrders();
            point.clock.set(nextLookAt(waiting));
        }
        point.lookAtEarlyOrders();
        return waiting;
    }
}
