package io.deadlinesaga.messaging.outbox;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventIds;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.support.AfterCommit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as a table: a row per event, inserted in the caller's transaction, handed to the relay on commit. */
class JdbcOutbox implements Outbox {

    // write-only here: one INSERT, nothing read back (the relay reads the row with its id)
    private static final String INSERT = "INSERT INTO outbox_message (event_id, order_id, event_type, payload,"
            + " created_at, destination, error) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final String deadLetterTopic;

    JdbcOutbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, String deadLetterTopic) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(SagaEvent event) {
        insert(new OutboxRow(event.eventId(), event.orderId(), event.eventType(), codec.toJson(event), null, null));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadLetter(long orderId, String eventType, String payload, String error) {
        insert(new OutboxRow(EventIds.next(), orderId, eventType, payload, deadLetterTopic, error));
    }

    private void insert(OutboxRow row) {
        jdbc.update(INSERT, row.eventId(), row.orderId(), row.eventType(), row.payload(), System.currentTimeMillis(),
                row.destination(), row.error());
        AfterCommit.run(() -> relay.committed(row.eventId()));
    }
}
