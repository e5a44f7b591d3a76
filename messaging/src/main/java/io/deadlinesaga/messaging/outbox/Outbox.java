package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.event.SagaEvent;

/**
 * Where a service puts the events it emits. An event is written in the caller's transaction, so it exists
 * exactly when the state change that caused it does; the relay publishes it right after commit.
 */
public interface Outbox {

    /** Appends an event to be published; needs the transaction of the state change that caused it. */
    void append(SagaEvent event);

    /**
     * Appends a received event that kept failing, to be published to the dead-letter topic as it was received,
     * with its error; needs the transaction that marks it failed, so it is dead-lettered exactly when it failed.
     */
    void deadLetter(long orderId, String eventType, String payload, String error);
}
