package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.support.AfterCommit;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a service puts the events it emits. The row is written in the caller's transaction, so the event
 * exists exactly when the state change that caused it does; the relay publishes it right after commit.
 */
public class Outbox {

    private final OutboxRepository repository;
    private final EventCodec codec;
    private final OutboxRelay relay;

    Outbox(OutboxRepository repository, EventCodec codec, OutboxRelay relay) {
        this.repository = repository;
        this.codec = codec;
        this.relay = relay;
    }

    /** Appends an event to be published; needs the transaction of the state change that caused it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(SagaEvent event) {
        repository.save(new OutboxMessage(event.eventId(), event.orderId(), event.eventType(),
                codec.toJson(event), System.currentTimeMillis()));
        AfterCommit.run(relay::wake);
    }
}
