package io.deadlinesaga.point.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.deadlinesaga.messaging.persistence.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The point_pending_use table, a row per order waiting for its holder's account. */
@Repository
class JdbcPendingUseRepository implements PendingUseRepository {

    private static final String COLUMNS = "order_id, user_id, point, created_at, next_look_at, looks";

    private static final String COUNT_BY_ID = "SELECT COUNT(*) FROM point_pending_use WHERE order_id = ?";

    private static final String INSERT = "INSERT INTO point_pending_use (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE point_pending_use SET next_look_at = ?, looks = ? WHERE order_id = ?";

    private static final String DELETE = "DELETE FROM point_pending_use WHERE order_id = ?";

    // ordered by orderId so that two transactions lock a holder's rows in the same order
    private static final String LOCK_ALL_OF = "SELECT " + COLUMNS
            + " FROM point_pending_use WHERE user_id = ? ORDER BY order_id FOR UPDATE";

    private static final String USERS_DUE = "SELECT user_id FROM point_pending_use WHERE next_look_at <= ?"
            + " GROUP BY user_id ORDER BY MIN(next_look_at) LIMIT ?";

    private static final String LOOK_NOW_FOR = "UPDATE point_pending_use SET next_look_at = 0 WHERE user_id = ?";

    private final JdbcClient jdbc;

    JdbcPendingUseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existsById(Long orderId) {
        return jdbc.sql(COUNT_BY_ID).param(orderId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(PendingUse pendingUse) {
        jdbc.sql(INSERT).params(pendingUse.getOrderId(), pendingUse.getUserId(), pendingUse.getPoint(),
                pendingUse.createdAt(), pendingUse.nextLookAt(), pendingUse.looks()).update();
    }

    @Override
    public void update(PendingUse pendingUse) {
        int updated = jdbc.sql(UPDATE).params(pendingUse.nextLookAt(), pendingUse.looks(), pendingUse.getOrderId())
                .update();
        Rows.requireOne(updated, "waiting order " + pendingUse.getOrderId());
    }

    @Override
    public void delete(PendingUse pendingUse) {
        int deleted = jdbc.sql(DELETE).param(pendingUse.getOrderId()).update();
        Rows.requireOne(deleted, "waiting order " + pendingUse.getOrderId());
    }

    @Override
    public List<PendingUse> lockAllOf(String userId) {
        return jdbc.sql(LOCK_ALL_OF).param(userId).query(JdbcPendingUseRepository::pendingUse).list();
    }

    @Override
    public int dropFor(long orderId) {
        return jdbc.sql(DELETE).param(orderId).update();
    }

    @Override
    public List<String> findUsersDue(long now, int limit) {
        return jdbc.sql(USERS_DUE).params(now, limit).query(String.class).list();
    }

    @Override
    public int lookNowFor(String userId) {
        return jdbc.sql(LOOK_NOW_FOR).param(userId).update();
    }

    private static PendingUse pendingUse(ResultSet rs, int rowNum) throws SQLException {
        return PendingUse.restore(rs.getLong("order_id"), rs.getString("user_id"), rs.getBigDecimal("point"),
                rs.getLong("created_at"), rs.getLong("next_look_at"), rs.getInt("looks"));
    }
}
