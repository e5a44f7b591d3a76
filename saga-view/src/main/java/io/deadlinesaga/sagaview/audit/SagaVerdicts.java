package io.deadlinesaga.sagaview.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Judgement;
import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Every saga's verdict as of its last audit, stored, so that the list of sagas is read and not worked out: a
 * saga is audited again when an event of it arrives, and when the clock alone may change its verdict.
 */
@Repository
public class SagaVerdicts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final RowMapper<StoredVerdict> STORED = (row, n) -> new StoredVerdict(row.getLong("order_id"),
            Verdict.valueOf(row.getString("verdict")), JSON.readValue(row.getString("violations"), FINDINGS),
            row.getString("order_state"));

    private final JdbcTemplate jdbc;
    private final Auditor auditor;

    public SagaVerdicts(JdbcTemplate jdbc, Auditor auditor) {
        this.jdbc = jdbc;
        this.auditor = auditor;
    }

    /** Audits each of these sagas from all its events and stores its verdict. */
    public void judge(Map<Long, List<TimelineEntry>> sagas, long now) {
        List<Judged> judged = sagas.entrySet().stream()
                .map(saga -> new Judged(saga.getKey(), auditor.audit(saga.getKey(), saga.getValue(), now),
                        Participants.of(saga.getValue()).order()))
                .sorted(Comparator.comparingLong(Judged::orderId))
                .toList();
        if (judged.isEmpty()) {
            return;
        }
        // both statements take the values in one order: verdict, order_state, violations, recheck_at, order_id
        int[][] updated = jdbc.batchUpdate("UPDATE saga_verdict SET verdict = ?, order_state = ?, violations = ?,"
                + " recheck_at = ? WHERE order_id = ?", judged, judged.size(),
                (statement, saga) -> saga.setValues(statement));
        List<Judged> firstSeen = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            if (updated[0][i] == 0) {
                firstSeen.add(judged.get(i));
            }
        }
        if (firstSeen.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO saga_verdict (verdict, order_state, violations, recheck_at, order_id)"
                + " VALUES (?, ?, ?, ?, ?)", firstSeen, firstSeen.size(),
                (statement, saga) -> saga.setValues(statement));
    }

    /** A page of the sagas with this verdict (or of all), newest order first. */
    public List<StoredVerdict> page(Optional<Verdict> verdict, int page, int size) {
        String columns = "SELECT order_id, verdict, violations, order_state FROM saga_verdict";
        String window = " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        long skip = (long) page * size;
        // ordered as the index on (verdict, order_id DESC) is, so only the page is read, never every saga
        return verdict.map(wanted -> jdbc.query(columns + " WHERE verdict = ? ORDER BY verdict, order_id DESC" + window,
                        STORED, wanted.name(), skip, size))
                .orElseGet(() -> jdbc.query(columns + " ORDER BY order_id DESC" + window, STORED, skip, size));
    }

    /** Up to {@code limit} sagas whose verdict the clock may have changed by {@code now}, the longest due first. */
    public List<Long> dueBy(long now, int limit) {
        return jdbc.queryForList("SELECT order_id FROM saga_verdict WHERE recheck_at <= ? ORDER BY recheck_at"
                + " FETCH FIRST ? ROWS ONLY", Long.class, now, limit);
    }

    private record Judged(long orderId, Judgement audit, String order) {

        void setValues(PreparedStatement statement) throws SQLException {
            statement.setString(1, audit.verdict().name());
            statement.setString(2, order);
            statement.setString(3, JSON.writeValueAsString(audit.findings()));
            if (audit.recheckAt().isPresent()) {
                statement.setLong(4, audit.recheckAt().getAsLong());
            }
            else {
                statement.setNull(4, Types.BIGINT);
            }
            statement.setLong(5, orderId);
        }
    }
}
