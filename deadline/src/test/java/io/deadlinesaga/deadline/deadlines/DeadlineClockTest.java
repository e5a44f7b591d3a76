package io.deadlinesaga.deadline.deadlines;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.event.DeadlineReached;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.deadline.deadlines.DeadlineFixture.DUE;
import static io.deadlinesaga.deadline.deadlines.DeadlineFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlineClockTest {

    private static final long ORDER_ID = 7;

    private DeadlineFixture service = new DeadlineFixture();

    @AfterEach
    void stopTheClock() {
        service.timers.end();
    }

    @Test
    void firesAPendingDeadlineThatIsDue() {
        // given
        aPendingDeadline();
        service.clock.set(DUE + 5);

        // when
        service.timers.fire(ORDER_ID);

        // then
        Deadline deadline = service.deadline(ORDER_ID);
        assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE + 5);
        assertThat(service.outbox.events()).singleElement().isInstanceOfSatisfying(DeadlineReached.class, reached -> {
            assertThat(reached.orderId()).isEqualTo(ORDER_ID);
            assertThat(reached.deadline()).isEqualTo(DUE);
            assertThat(reached.firedAt()).isEqualTo(DUE + 5);
        });
        Timer lateness = service.meters.get("saga.deadline.lateness").timer();
        assertThat(lateness.count()).isEqualTo(1);
        assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
    }

    @Test
    void firesADeadlineOnceHoweverManyTimersGoOff() {
        // given
        aPendingDeadline();
        service.clock.set(DUE);
        service.timers.fire(ORDER_ID);
        service.clock.advance(Duration.ofMillis(100));

        // when: a second timer, of a sweep or of another instance
        service.timers.fire(ORDER_ID);

        // then
        assertThat(service.deadline(ORDER_ID).getClosedAt()).isEqualTo(DUE);
        assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached");
        assertThat(service.meters.get("saga.deadline.lateness").timer().count()).isEqualTo(1);
    }

    @Test
    void waitsWhenItsTimerGoesOffBeforeTheDueTime() {
        // given
        aPendingDeadline();
        service.clock.set(DUE - 1);

        // when
        service.timers.fire(ORDER_ID);

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(service.outbox.events()).isEmpty();
    }

    @Test
    void survivesAFiringThatFailsAndLeavesTheDeadlinePendingForTheSweep() {
        // given
        service = new DeadlineFixture(new InMemoryDeadlines() {
            @Override
            public Optional<Deadline> lockPending(long orderId) {
                throw new IllegalStateException("the database is away");
            }
        });
        aPendingDeadline();
        service.clock.set(DUE);

        // when
        service.timers.fire(ORDER_ID);

        // then
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(service.outbox.events()).isEmpty();
        assertThat(service.transactions.rollbacks()).isEqualTo(1);
    }

    @Test
    void firesAnOverdueDeadlineAtOnceWhenItIsRegistered() {
        // given
        service.timers.begin();
        service.clock.set(DUE + 1);

        // when
        service.deliver(service.reactions::registerOnOrderCreated,
                OrderCreated.of(ORDER_ID, "jjy", 1, BigDecimal.TEN, DUE));

        // then
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached"));
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.FIRED);
    }

    @Test
    void firesADeadlineItDidNotRegisterWhenItsSweepFindsItDue() {
        // given: left pending by a restart, or registered by another instance
        aPendingDeadline();
        service.clock.set(DUE);

        // when
        service.timers.begin();

        // then
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached"));
    }

    @Test
    void firesADeadlineAtTheNextSweepWhenTheWallClockStepsPastIt() {
        // given: a deadline due in a minute, its timer set for a minute
        service.timers.begin();
        service.clock.set(DUE - 60_000);
        service.deliver(service.reactions::registerOnOrderCreated,
                OrderCreated.of(ORDER_ID, "jjy", 1, BigDecimal.TEN, DUE));

        // when: the wall clock is stepped past it (a time sync, a virtual machine resumed after a pause)
        service.clock.set(DUE + 10);

        // then: the sweep of the next second fires it, not a timer a minute away
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached"));
    }

    @Test
    void setsATimerAgainWhenTheWallClockStepsAheadOfIt() {
        // given: sweeps a minute apart, and a deadline due in 30 s with its timer set
        service = new DeadlineFixture(Duration.ofMinutes(1));
        service.timers.begin();
        service.clock.set(DUE - 30_000);
        service.deliver(service.reactions::registerOnOrderCreated,
                OrderCreated.of(ORDER_ID, "jjy", 1, BigDecimal.TEN, DUE));

        // when: the wall clock is stepped past its due time, and a sweep comes
        service.clock.set(DUE + 10);
        service.timers.runOnce();

        // then: it fires now, not when its timer would have gone off, 30 s from the step
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.outbox.eventTypes()).containsExactly("DeadlineReached"));
        assertThat(service.deadline(ORDER_ID).getClosedAt()).isEqualTo(DUE + 10);
    }

    @Test
    void setsNoTimerWhileItIsNotRunning() {
        // given
        service.clock.set(DUE + 1);

        // when
        service.deliver(service.reactions::registerOnOrderCreated,
                OrderCreated.of(ORDER_ID, "jjy", 1, BigDecimal.TEN, DUE));

        // then: the sweep of the next start fires it
        assertThat(service.deadline(ORDER_ID).getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(service.outbox.events()).isEmpty();
    }

    private void aPendingDeadline() {
        service.transactions.run(() -> service.deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW)));
    }
}
