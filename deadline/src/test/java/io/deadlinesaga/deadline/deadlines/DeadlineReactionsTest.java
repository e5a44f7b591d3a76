package io.deadlinesaga.deadline.deadlines;

import java.math.BigDecimal;
import java.time.Duration;

import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.deadline.deadlines.DeadlineFixture.DUE;
import static io.deadlinesaga.deadline.deadlines.DeadlineFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineReactionsTest {

    private static final long ORDER_ID = 7;
    private static final String HOLDER = "jjy";

    private final DeadlineFixture service = new DeadlineFixture();
    private final DeadlineReactions reactions = service.reactions;

    // OrderCreated

    @Test
    void registersThePendingDeadlineTheOrderCameWith() {
        // when
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());

        // then
        Deadline deadline = service.deadline(ORDER_ID);
        assertThat(deadline.getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(deadline.getDueAt()).isEqualTo(DUE);
        assertThat(deadline.getCreatedAt()).isEqualTo(NOW);
        assertThat(deadline.getClosedAt()).isNull();
        assertThat(service.outbox.events()).isEmpty();
    }

    @Test
    void registersTheDeadlineOnceWhenOrderCreatedIsRedelivered() {
        // given
        OrderCreated created = anOrderCreated();
        service.deliver(reactions::registerOnOrderCreated, created);
        service.clock.advance(Duration.ofSeconds(1));

        // when
        service.deliver(reactions::registerOnOrderCreated, created);

        // then
        assertThat(service.deadlines.count()).isEqualTo(1);
        assertThat(service.deadline(ORDER_ID).getCreatedAt()).isEqualTo(NOW);
        assertThat(service.outbox.events()).isEmpty();
    }

    // OrderPlaced, OrderRejected

    @Test
    void cancelsThePendingDeadlineOfAnApprovedOrder() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        service.clock.advance(Duration.ofMillis(40));

        // when
        service.deliver(reactions::cancelOnOrderPlaced, OrderPlaced.of(ORDER_ID, HOLDER));

        // then
        Deadline deadline = service.deadline(ORDER_ID);
        assertThat(deadline.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline.getClosedAt()).isEqualTo(NOW + 40);
        assertThat(service.outbox.events()).isEmpty();
    }

    @Test
    void cancelsOnceWhenOrderPlacedIsRedelivered() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        OrderPlaced placed = OrderPlaced.of(ORDER_ID, HOLDER);
        service.deliver(reactions::cancelOnOrderPlaced, placed);
        service.clock.advance(Duration.ofSeconds(1));

        // when
        service.deliver(reactions::cancelOnOrderPlaced, placed);

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(service.deadline(ORDER_ID).getClosedAt()).isEqualTo(NOW);
        assertThat(service.deadlines.count()).isEqualTo(1);
    }

    @Test
    void cancelsThePendingDeadlineOfARejectedOrder() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());

        // when
        service.deliver(reactions::cancelOnOrderRejected, OrderRejected.of(ORDER_ID, HOLDER, "POINT_LIMIT"));

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(service.outbox.events()).isEmpty();
    }

    @Test
    void cancelsOnceWhenOrderRejectedIsRedelivered() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        OrderRejected rejected = OrderRejected.of(ORDER_ID, HOLDER, "POINT_LIMIT");
        service.deliver(reactions::cancelOnOrderRejected, rejected);
        service.clock.advance(Duration.ofSeconds(1));

        // when
        service.deliver(reactions::cancelOnOrderRejected, rejected);

        // then
        assertThat(service.deadline(ORDER_ID).getClosedAt()).isEqualTo(NOW);
        assertThat(service.deadlines.count()).isEqualTo(1);
    }

    @Test
    void recordsTheCancelOfAnOrderDecidedBeforeItsDeadlineWasRegistered() {
        // when
        service.deliver(reactions::cancelOnOrderPlaced, OrderPlaced.of(ORDER_ID, HOLDER));

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.CANCELLED);
    }

    @Test
    void neverRegistersADeadlineWhoseOrderWasDecidedBeforeItsOrderCreatedArrived() {
        // given
        service.deliver(reactions::cancelOnOrderRejected, OrderRejected.of(ORDER_ID, HOLDER, "EXCHANGE_ERROR"));

        // when
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        service.clock.set(DUE + 1);
        service.timers.fire(ORDER_ID);

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(service.outbox.events()).isEmpty();
    }

    // cancel against fire

    @Test
    void keepsAFiredDeadlineFiredWhenTheDecisionComesAfterIt() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        service.clock.set(DUE);
        service.timers.fire(ORDER_ID);
        service.clock.advance(Duration.ofMillis(3));

        // when: the rejection the firing caused
        service.deliver(reactions::cancelOnOrderRejected, OrderRejected.of(ORDER_ID, HOLDER, "DEADLINE"));

        // then
        Deadline deadline = service.deadline(ORDER_ID);
        assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE);
        assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached");
    }

    @Test
    void neverFiresADeadlineCancelledBeforeItsTimerWentOff() {
        // given
        service.deliver(reactions::registerOnOrderCreated, anOrderCreated());
        service.deliver(reactions::cancelOnOrderPlaced, OrderPlaced.of(ORDER_ID, HOLDER));
        service.clock.set(DUE + 5);

        // when
        service.timers.fire(ORDER_ID);

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(service.outbox.events()).isEmpty();
    }

    private static OrderCreated anOrderCreated() {
        return OrderCreated.of(ORDER_ID, HOLDER, 1, new BigDecimal("500"), DUE);
    }
}
