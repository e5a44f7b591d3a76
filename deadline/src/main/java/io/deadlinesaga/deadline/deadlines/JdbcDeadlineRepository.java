package io.deadlinesaga.deadline.deadlines;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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

    private static final String PAGE = "SELECT " + COLUMNS + " FROM deadline";

    private static final String LIMIT_OFFSET = " LIMIT ? OFFSET ?";

    /** the properties a page may be sorted by, and their columns */
    private static final Map<String, String> SORTABLE = Map.of("orderId", "order_id", "dueAt", "due_at",
            "state", "state", "createdAt", "created_at", "closedAt", "closed_at");

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
        if (rows != 1) {
            // the row is gone: the change would be lost without a word
            throw new OptimisticLockingFailureException("no deadline of order " + deadline.getOrderId() + " to update");
        }
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
    public List<Deadline> findAllBy(Pageable page) {
        return jdbc.sql(PAGE + orderBy(page.getSort()) + LIMIT_OFFSET).param(page.getPageSize())
                .param(page.getOffset()).query(DEADLINE).list();
    }

    /** The nullable column typed, for the drivers that cannot tell the type of a null on their own. */
    private static SqlParameterValue closedAt(Deadline deadline) {
        return new SqlParameterValue(Types.BIGINT, deadline.getClosedAt());
    }

    private static String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return "";
        }
        return sort.stream().map(order -> column(order.getProperty()) + (order.isAscending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", ", " ORDER BY ", ""));
    }

    private static String column(String property) {
        String column = SORTABLE.get(property);
        if (column == null) {
            throw new IllegalArgumentException("deadlines cannot be sorted by " + property);
        }
        return column;
    }
}
