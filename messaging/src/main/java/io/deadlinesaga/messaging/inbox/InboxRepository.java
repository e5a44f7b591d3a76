package io.deadlinesaga.messaging.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox table. Every statement runs in the caller's transaction. The rows of a received batch go in as one
 * JDBC batch: they are write-only on that path, and storing an eventId must cost far less than handling the event.
 */
class InboxRepository {

    private static final String COLUMNS = "seq, event_id, order_id, event_type, payload, status, attempts,"
            + " not_before, received_at, processed_at, last_error";

    private static final String INSERT = "INSERT INTO inbox_event (event_id, order_id, event_type, payload, status,"
            + " attempts, not_before, received_at, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE inbox_event SET status = ?, attempts = ?, not_before = ?,"
            + " processed_at = ?, last_error = ? WHERE seq = ?";

    private static final String KNOWN_EVENT_IDS = "SELECT event_id FROM inbox_event WHERE event_id IN (:eventIds)";

    private static final String ORDERS_WITH_PENDING_EVENTS = "SELECT DISTINCT order_id FROM inbox_event"
            + " WHERE order_id IN (:orderIds) AND status = 'PENDING'";

    private static final String HEAD = "SELECT " + COLUMNS + " FROM inbox_event WHERE order_id = ?"
            + " AND status = 'PENDING' ORDER BY seq LIMIT 1";

    private static final String LOCK_IF_FREE = "SELECT " + COLUMNS + " FROM inbox_event WHERE seq = ?"
            + " AND status = 'PENDING' FOR UPDATE SKIP LOCKED";

    private static final String ORDERS_WITH_DUE_EVENTS = "SELECT DISTINCT order_id FROM inbox_event"
            + " WHERE status = 'PENDING' AND not_before <= ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    InboxRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    /** Inserts new rows; a row whose eventId is already stored fails the whole batch. */
    void insert(List<InboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
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

    /** Writes what handling changed: status, attempts, when to try again, the last error. */
    void update(InboxEvent event) {
        jdbc.sql(UPDATE).params(event.status().name(), event.attempts(), event.notBefore(), event.processedAt(),
                event.lastError(), event.seq()).update();
    }

    /** Those of these eventIds already stored, whatever their status. */
    List<String> findKnownEventIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(KNOWN_EVENT_IDS).param("eventIds", eventIds).query(String.class).list();
    }

    /** Those of these orders with an event still PENDING. */
    List<Long> findOrdersWithPendingEvents(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ORDERS_WITH_PENDING_EVENTS).param("orderIds", orderIds).query(Long.class).list();
    }

    /** The oldest event of the order not yet handled: the only one of that order that may run now. */
    Optional<InboxEvent> findHead(long orderId) {
        return jdbc.sql(HEAD).param(orderId).query(InboxRepository::event).optional();
    }

    /** Locks the row unless another instance already holds it; empty then, or when it is no longer pending. */
    Optional<InboxEvent> lockIfFree(long seq) {
        return jdbc.sql(LOCK_IF_FREE).param(seq).query(InboxRepository::event).optional();
    }

    /** The orders with a PENDING event due by {@code now}: the sweep's work. */
    List<Long> findOrdersWithDueEvents(long now) {
        return jdbc.sql(ORDERS_WITH_DUE_EVENTS).param(now).query(Long.class).list();
    }

    private static InboxEvent event(ResultSet row, int rowNumber) throws SQLException {
        return InboxEvent.restore(row.getLong("seq"), row.getString("event_id"), row.getLong("order_id"),
                row.getString("event_type"), row.getString("payload"),
                InboxEvent.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getLong("not_before"), row.getLong("received_at"), row.getObject("processed_at", Long.class),
                row.getString("last_error"));
    }
}
