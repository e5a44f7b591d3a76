package io.deadlinesaga.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's statements on the outbox table; each runs in the caller's transaction. */
class OutboxRepository {

    private static final String CLAIMED_COLUMNS = "id, event_id, order_id, event_type, payload, destination, error";

    private static final String CLAIM_UNSENT = "SELECT " + CLAIMED_COLUMNS + " FROM outbox_message"
            + " WHERE sent_at IS NULL AND created_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final String CLAIM_UNSENT_OF = "SELECT " + CLAIMED_COLUMNS + " FROM outbox_message"
            + " WHERE event_id IN (:eventIds) AND sent_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED";

    private static final String UNSENT_UP_TO = "SELECT order_id, id FROM outbox_message"
            + " WHERE sent_at IS NULL AND id <= ?";

    private static final String MARK_SENT = "UPDATE outbox_message SET sent_at = :sentAt WHERE id IN (:ids)";

    private static final String COUNT_UNSENT = "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL";

    private static final String OLDEST_UNSENT = "SELECT min(created_at) FROM outbox_message WHERE sent_at IS NULL";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the oldest unsent rows created up to {@code createdBefore}; rows another relay instance holds are
     * skipped, never sent twice.
     */
    List<OutboxMessage> claimUnsent(long createdBefore, int limit) {
        return jdbc.sql(CLAIM_UNSENT).params(createdBefore, limit).query(OutboxRepository::claimed).list();
    }

    /**
     * Claims those of these rows that are still unsent, oldest first: a row another relay instance holds is
     * skipped, and one it has marked sent no longer matches (both databases check {@code sent_at} again on the
     * row they lock, so a mark committed while this statement ran counts).
     */
    List<OutboxMessage> claimUnsentOf(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CLAIM_UNSENT_OF).param("eventIds", eventIds).query(OutboxRepository::claimed).list();
    }

    /**
     * Order and id of every unsent row up to {@code maxId}, whoever holds it: to keep each order's order. (A
     * range on the (sent_at, id) index; an IN list of the batch's orders was hundreds of times slower.)
     */
    List<Unsent> unsentUpTo(long maxId) {
        return jdbc.sql(UNSENT_UP_TO).param(maxId)
                .query((row, rowNumber) -> new Unsent(row.getLong("order_id"), row.getLong("id"))).list();
    }

    void markSent(Collection<Long> ids, long sentAt) {
        jdbc.sql(MARK_SENT).param("ids", ids).param("sentAt", sentAt).update();
    }

    long countUnsent() {
        return jdbc.sql(COUNT_UNSENT).query(Long.class).single();
    }

    /** When the oldest unsent row was committed; null when every row is sent. */
    Long oldestUnsentCreatedAt() {
        return jdbc.sql(OLDEST_UNSENT).query(Long.class).optional().orElse(null);
    }

    private static OutboxMessage claimed(ResultSet row, int rowNumber) throws SQLException {
        return new OutboxMessage(row.getLong("id"), new OutboxRow(row.getString("event_id"), row.getLong("order_id"),
                row.getString("event_type"), row.getString("payload"), row.getString("destination"),
                row.getString("error")));
    }

    /** An unsent row's order and place in the table. */
    record Unsent(long orderId, long id) {
    }
}
