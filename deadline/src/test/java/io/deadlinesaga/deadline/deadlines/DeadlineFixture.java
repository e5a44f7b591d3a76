package io.deadlinesaga.deadline.deadlines;

import java.time.Duration;
import java.util.function.Consumer;

import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.testing.InMemoryOutbox;
import io.deadlinesaga.messaging.testing.TestClock;
import io.deadlinesaga.messaging.testing.TestTransactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The deadline service's reactions and clock over fakes, wired as Spring wires them. */
final class DeadlineFixture {

    static final long NOW = 1_700_000_000_000L;
    static final long DUE = NOW + 10_000;

    final TestClock clock = new TestClock(NOW);
    final TestTransactions transactions = new TestTransactions();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InMemoryDeadlines deadlines;
    final DeadlineClock timers;
    final DeadlineReactions reactions;

    DeadlineFixture() {
        this(new InMemoryDeadlines());
    }

    DeadlineFixture(InMemoryDeadlines deadlines) {
        this(deadlines, Duration.ofSeconds(1));
    }

    DeadlineFixture(Duration sweepInterval) {
        this(new InMemoryDeadlines(), sweepInterval);
    }

    private DeadlineFixture(InMemoryDeadlines deadlines, Duration sweepInterval) {
        this.deadlines = deadlines;
        this.timers = new DeadlineClock(deadlines, outbox, transactions.template(),
                new DeadlineProperties(sweepInterval, 1), meters, clock);
        this.reactions = new DeadlineReactions(deadlines, timers, clock);
    }

    <E extends SagaEvent> void deliver(Consumer<E> handler, E event) {
        transactions.run(() -> handler.accept(event));
    }

    Deadline deadline(long orderId) {
        return deadlines.findById(orderId).orElseThrow();
    }
}
