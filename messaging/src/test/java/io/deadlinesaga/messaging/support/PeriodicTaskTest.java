package io.deadlinesaga.messaging.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

class PeriodicTaskTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Duration NOT_IN_A_TEST = Duration.ofHours(1);

    private final List<Rounds> begun = new CopyOnWriteArrayList<>();

    @AfterEach
    void endRounds() {
        begun.forEach(rounds -> rounds.onApplicationEvent(new ContextClosedEvent(mock(ApplicationContext.class))));
    }

    @Test
    void runsTheNextRoundAfterARoundThatThrewAnError() {
        // given: the first round throws an Error, the second an exception
        Rounds rounds = new Rounds(Duration.ofMillis(10), false);
        rounds.failures.add(new StackOverflowError("first round"));
        rounds.failures.add(new IllegalStateException("second round"));

        // when
        begin(rounds);

        // then
        await().atMost(SOON).until(() -> rounds.count.get() >= 4);
    }

    @Test
    void runsARoundAtOnceWhenAskedToBesidesTheSchedule() {
        // given
        Rounds rounds = begin(new Rounds(NOT_IN_A_TEST, false));

        // when
        rounds.runSoon();

        // then
        await().atMost(SOON).until(() -> rounds.count.get() == 1);
    }

    @Test
    void runsBackgroundWorkAtTheLowestPriorityAndOtherWorkAtTheNormalOne() {
        // given
        Rounds background = begin(new Rounds(NOT_IN_A_TEST, true));
        Rounds foreground = begin(new Rounds(NOT_IN_A_TEST, false));

        // when
        background.runSoon();
        foreground.runSoon();

        // then
        await().atMost(SOON).until(() -> background.count.get() == 1 && foreground.count.get() == 1);
        assertThat(background.priorities).containsExactly(Thread.MIN_PRIORITY);
        assertThat(foreground.priorities).containsExactly(Thread.NORM_PRIORITY);
    }

    @Test
    void ignoresAnAskForARoundBeforeTheRoundsBeginAndAfterTheyEnd() {
        // given
        Rounds rounds = new Rounds(NOT_IN_A_TEST, false);

        // when
        rounds.runSoon();
        begin(rounds);
        rounds.onApplicationEvent(new ContextClosedEvent(mock(ApplicationContext.class)));
        rounds.runSoon();

        // then
        assertThat(rounds.isClosed()).isTrue();
        await().during(Duration.ofMillis(100)).atMost(SOON).until(() -> rounds.count.get() == 0);
    }

    private Rounds begin(Rounds rounds) {
        rounds.afterSingletonsInstantiated();
        begun.add(rounds);
        return rounds;
    }

    /** A task that counts its rounds and the priority of their thread, and throws what it is given to. */
    private static final class Rounds extends PeriodicTask {

        final AtomicInteger count = new AtomicInteger();
        final List<Integer> priorities = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();

        Rounds(Duration interval, boolean background) {
            super("rounds", interval, background);
        }

        @Override
        protected void runOnce() {
            count.incrementAndGet();
            priorities.add(Thread.currentThread().getPriority());
            if (!failures.isEmpty()) {
                Throwable failure = failures.remove(0);
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        }
    }
}
