package io.deadlinesaga.sagaview.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Every order's events in topic order, in the view's own database: one row per record of the topic, found by
 * its order along an index. Nothing of it is kept in memory.
 */
@Repository
public class Timelines {

    /** an IN list of at most this many orderIds per query */
    private static final int ORDERS_PER_QUERY = 1000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String COLUMNS = "order_id, dead_letter, topic_partition, record_offset, event_type, written_at,"
            + " event_id, fields";

    private final JdbcTemplate jdbc;

    public Timelines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores events, in one batch of statements; a record's partition and offset may be stored only once. */
    public void append(List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO saga_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events,
                events.size(), (statement, event) -> {
                    TimelineEntry entry = event.entry();
                    statement.setLong(1, event.orderId());
                    statement.setBoolean(2, entry.isDeadLetter());
                    statement.setInt(3, entry.partition());
                    statement.setLong(4, entry.offset());
                    statement.setString(5, entry.type());
                    statement.setLong(6, entry.time());
                    statement.setString(7, entry.eventId());
                    statement.setString(8, JSON.writeValueAsString(entry.fields()));
                });
    }

    public Optional<List<TimelineEntry>> eventsOf(long orderId) {
        List<TimelineEntry> events = jdbc.query("SELECT " + COLUMNS + " FROM saga_event WHERE order_id = ?"
                + " ORDER BY dead_letter, topic_partition, record_offset", (row, n) -> entry(row), orderId);
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }

    /** The events of each of these orders that has any, in topic order. */
    public Map<Long, List<TimelineEntry>> eventsOf(Collection<Long> orderIds) {
        Map<Long, List<TimelineEntry>> byOrder = new LinkedHashMap<>();
        RowCallbackHandler collect = row -> byOrder.computeIfAbsent(row.getLong("order_id"), id -> new ArrayList<>())
                .add(entry(row));
        List<Long> ids = List.copyOf(orderIds);
        for (int from = 0; from < ids.size(); from += ORDERS_PER_QUERY) {
            // the ids as literals, not parameters: H2 looks a row up in a set of constants, while it compares it
            // with a list of parameters one by one (a batch of 1000 orders made that most of the view's work)
            String list = ids.subList(from, Math.min(ids.size(), from + ORDERS_PER_QUERY)).stream()
                    .map(id -> Long.toString(id)).collect(Collectors.joining(","));
            jdbc.query("SELECT " + COLUMNS + " FROM saga_event WHERE order_id IN (" + list + ")"
                    + " ORDER BY order_id, dead_letter, topic_partition, record_offset", collect);
        }
        return byOrder;
    }

    private static TimelineEntry entry(ResultSet row) throws SQLException {
        return TimelineEntry.of(row.getString("event_type"), row.getInt("topic_partition"), row.getLong("record_offset"),
                row.getLong("written_at"), row.getString("event_id"), JSON.readTree(row.getString("fields")));
    }
}
