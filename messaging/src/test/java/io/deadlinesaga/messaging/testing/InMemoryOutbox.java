package io.deadlinesaga.messaging.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.AfterCommit;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox as a list: an event appended counts once its transaction commits, and is gone if it rolls back,
 * as a row of the real outbox is. Like the real one it refuses to append outside a transaction.
 */
public final class InMemoryOutbox implements Outbox {

    private final List<SagaEvent> events = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public void append(SagaEvent event) {
        requireTransaction();
        AfterCommit.run(() -> events.add(event));
    }

    @Override
    public void deadLetter(long orderId, String eventType, String payload, String error) {
        requireTransaction();
        AfterCommit.run(() -> deadLetters.add(new DeadLetter(orderId, eventType, payload, error)));
    }

    /** The events committed so far, in the order they were appended. */
    public List<SagaEvent> events() {
        return List.copyOf(events);
    }

    /** The committed events of one type. */
    public <E extends SagaEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The wire names of the committed events, in order. */
    public List<String> eventTypes() {
        return events.stream().map(SagaEvent::eventType).toList();
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Forgets what was committed so far, so a test can look at what one step adds. */
    public void clear() {
        events.clear();
        deadLetters.clear();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("an event is appended in the transaction of the state change"
                    + " that caused it, and there is none");
        }
    }

    public record DeadLetter(long orderId, String eventType, String payload, String error) {
    }
}
