package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.support.AfterCommit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a service puts the events it emits. The row is written in the caller's transaction, so the event
 * exists exactly when the state change that caused it does; the relay publishes it right after commit.
 */
public class Outbox {

    // plain JDBC: the row is write-only here, and a JPA persist would cost an immediate INSERT (the id is the
    // table's identity) plus a managed entity for the rest of the transaction
    private static final String INSERT = "INSERT INTO outbox_message (event_id, order_id, event_type, payload,"
            + " created_at) VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;

    Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    /** Appends an event to be published; needs the transaction of the state change that caused it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(SagaEvent event) {
        OutboxRow row = new OutboxRow(event.eventId(), event.orderId(), event.eventType(), codec.toJson(event));
        jdbc.update(INSERT, row.eventId(), row.orderId(), row.eventType(), row.payload(), System.currentTimeMillis());
        AfterCommit.run(() -> relay.committed(row));
    }
}
