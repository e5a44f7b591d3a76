package io.deadlinesaga.deadline.deadlines;

import java.sql.Types;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.persistence.Rows;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadline table. */
@Repository
class JdbcDeadlineRepository implements DeadlineRepository {

    private static final String COLUMNS = "order_id, due_at, state, created_at, closed_at";

    private static final String FIND = "SELECT " + COLUMNS + " FROM deadline WHERE order_id = ?";

    private static final String EXISTS = "SELECT COUNT(*) FROM deadline WHERE order_id = ?";

    private static final String INSERT = "INSERT INTO deadline (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE deadline SET state = ?, closed_at = ? WHERE order_id = ?";

    private static final String LOCK_PENDING = "SELECT " + COLUMNS
            + " FROM deadline WHERE order_id = ? AND state = 'PENDING' FOR UPDATE SKIP LOCKED";

    private static final String LOCK = FIND + " FOR UPDATE";

    private static final String PENDING_DUE_BEFORE = "SELECT order_id, due_at FROM deadline"
            + " WHERE state = 'PENDING' AND due_at <= ? ORDER BY due_at";

    private static final String FIND_NEWEST = "SELECT " + COLUMNS + " FROM deadline ORDER BY order_id DESC"
            + " LIMIT ? OFFSET ?";

    private static final RowMapper<Deadline> DEADLINE = (rs, row) -> Deadline.restore(rs.getLong("order_id"),
            rs.getLong("due_at"), DeadlineState.valueOf(rs.getString("state")), rs.getLong("created_at"),
            rs.getObject("closed_at", Long.class));

    private final JdbcClient jdbc;

    JdbcDeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Deadline> findById(long orderId) {
        return jdbc.sql(FIND).param(orderId).query(DEADLINE).optional();
    }

    @Override
    public boolean existsById(long orderId) {
        return jdbc.sql(EXISTS).param(orderId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(Deadline deadline) {
        jdbc.sql(INSERT).param(deadline.getOrderId()).param(deadline.getDueAt()).param(deadline.getState().name())
                .param(deadline.getCreatedAt()).param(closedAt(deadline)).update();
    }

    @Override
    public void update(Deadline deadline) {
        int rows = jdbc.sql(UPDATE).param(deadline.getState().name()).param(closedAt(deadline))
                .param(deadline.getOrderId()).update();
        Rows.requireOne(rows, "deadline of order " + deadline.getOrderId());
    }

    @Override
    public Optional<Deadline> lockPending(long orderId) {
        return jdbc.sql(LOCK_PENDING).param(orderId).query(DEADLINE).optional();
    }

    @Override
    public Optional<Deadline> lock(long orderId) {
        return jdbc.sql(LOCK).param(orderId).query(DEADLINE).optional();
    }

    @Override
    public List<Due> findPendingDueBefore(long until) {
        return jdbc.sql(PENDING_DUE_BEFORE).param(until)
                .query((rs, row) -> new Due(rs.getLong("order_id"), rs.getLong("due_at"))).list();
    }

    @Override
    public List<Deadline> findNewest(Paging page) {
        return jdbc.sql(FIND_NEWEST).params(page.size(), page.offset()).query(DEADLINE).list();
    }

    /** The nullable column typed, for the drivers that cannot tell the type of a null on their own. */
    private static SqlParameterValue closedAt(Deadline deadline) {
        return new SqlParameterValue(Types.BIGINT, deadline.getClosedAt());
    }
}
