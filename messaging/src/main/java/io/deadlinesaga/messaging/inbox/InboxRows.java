package io.deadlinesaga.messaging.inbox;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts the inbox rows of a received batch in one JDBC batch, in the transaction of the handlers that ran
 * for them. The rows are write-only on this path, so they skip the persistence context: the JPA way costs an
 * immediate INSERT per row (its id is the table's identity) and the bookkeeping of a managed entity, which
 * made storing an eventId cost as much as handling the event.
 */
class InboxRows {

    private static final String INSERT = "INSERT INTO inbox_event (event_id, order_id, event_type, payload, status,"
            + " attempts, not_before, received_at, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    InboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Needs the caller's transaction; a row whose eventId is already stored fails the whole batch. */
    void insert(List<InboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            statement.setString(1, row.eventId());
            statement.setLong(2, row.orderId());
            statement.setString(3, row.eventType());
            statement.setString(4, row.payload());
            statement.setString(5, row.status().name());
            statement.setInt(6, row.attempts());
            statement.setLong(7, row.notBefore());
            statement.setLong(8, row.receivedAt());
            statement.setObject(9, row.processedAt());
        });
    }
}
