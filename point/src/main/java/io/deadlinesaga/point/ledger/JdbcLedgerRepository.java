package io.deadlinesaga.point.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The point_ledger table, a row per deduction or refund, its id the table's identity. */
@Repository
class JdbcLedgerRepository implements LedgerRepository {

    private static final String COLUMNS = "id, order_id, user_id, type, point, balance_after, created_at";

    private static final String INSERT = "INSERT INTO point_ledger (order_id, user_id, type, point, balance_after,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private static final String FIND_BY_ORDER_AND_TYPE = "SELECT " + COLUMNS
            + " FROM point_ledger WHERE order_id = ? AND type = ?";

    private static final String COUNT_BY_ORDER_AND_TYPE = "SELECT COUNT(*) FROM point_ledger"
            + " WHERE order_id = ? AND type = ?";

    private static final String NEWEST = " ORDER BY id DESC LIMIT ? OFFSET ?";

    private static final String FIND_NEWEST = "SELECT " + COLUMNS + " FROM point_ledger" + NEWEST;

    private static final String FIND_NEWEST_BY_ORDER = "SELECT " + COLUMNS + " FROM point_ledger WHERE order_id = ?"
            + NEWEST;

    private static final String FIND_NEWEST_BY_USER = "SELECT " + COLUMNS + " FROM point_ledger WHERE user_id = ?"
            + NEWEST;

    private final JdbcClient jdbc;

    JdbcLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(LedgerEntry entry) {
        KeyHolder keyHolder = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(entry.getOrderId(), entry.getUserId(), entry.getType().name(), entry.getPoint(),
                entry.getBalanceAfter(), entry.getCreatedAt()).update(keyHolder, "id");
        entry.inserted(keyHolder.getKey().longValue());
    }

    @Override
    public Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type) {
        return jdbc.sql(FIND_BY_ORDER_AND_TYPE).params(orderId, type.name()).query(JdbcLedgerRepository::entry)
                .optional();
    }

    @Override
    public boolean existsByOrderIdAndType(long orderId, EntryType type) {
        return jdbc.sql(COUNT_BY_ORDER_AND_TYPE).params(orderId, type.name()).query(Long.class).single() > 0;
    }

    @Override
    public List<LedgerEntry> findNewestByOrderId(long orderId, Paging page) {
        return jdbc.sql(FIND_NEWEST_BY_ORDER).params(orderId, page.size(), page.offset())
                .query(JdbcLedgerRepository::entry).list();
    }

    @Override
    public List<LedgerEntry> findNewestByUserId(String userId, Paging page) {
        return jdbc.sql(FIND_NEWEST_BY_USER).params(userId, page.size(), page.offset())
                .query(JdbcLedgerRepository::entry).list();
    }

    @Override
    public List<LedgerEntry> findNewest(Paging page) {
        return jdbc.sql(FIND_NEWEST).params(page.size(), page.offset()).query(JdbcLedgerRepository::entry).list();
    }

    private static LedgerEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return LedgerEntry.restore(rs.getLong("id"), rs.getLong("order_id"), rs.getString("user_id"),
                EntryType.valueOf(rs.getString("type")), rs.getBigDecimal("point"), rs.getBigDecimal("balance_after"),
                rs.getLong("created_at"));
    }
}
