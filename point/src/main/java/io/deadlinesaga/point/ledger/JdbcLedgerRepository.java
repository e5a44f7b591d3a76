package io.deadlinesaga.point.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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

    private static final String FIND_ALL = "SELECT " + COLUMNS + " FROM point_ledger";

    private static final String FIND_BY_ORDER = FIND_ALL + " WHERE order_id = ?";

    private static final String FIND_BY_USER = FIND_ALL + " WHERE user_id = ?";

    private static final String PAGE = " LIMIT ? OFFSET ?";

    // a page may be sorted by any property of an entry, each read from its column
    private static final Map<String, String> SORTABLE = Map.of("id", "id", "orderId", "order_id", "userId",
            "user_id", "type", "type", "point", "point", "balanceAfter", "balance_after", "createdAt", "created_at");

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
    public List<LedgerEntry> findByOrderId(long orderId, Pageable page) {
        return jdbc.sql(FIND_BY_ORDER + orderBy(page.getSort()) + PAGE)
                .params(orderId, page.getPageSize(), page.getOffset()).query(JdbcLedgerRepository::entry).list();
    }

    @Override
    public List<LedgerEntry> findByUserId(String userId, Pageable page) {
        return jdbc.sql(FIND_BY_USER + orderBy(page.getSort()) + PAGE)
                .params(userId, page.getPageSize(), page.getOffset()).query(JdbcLedgerRepository::entry).list();
    }

    @Override
    public List<LedgerEntry> findAllBy(Pageable page) {
        return jdbc.sql(FIND_ALL + orderBy(page.getSort()) + PAGE).params(page.getPageSize(), page.getOffset())
                .query(JdbcLedgerRepository::entry).list();
    }

    private static String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return "";
        }
        return sort.stream().map(order -> columnOf(order.getProperty()) + (order.isAscending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", ", " ORDER BY ", ""));
    }

    private static String columnOf(String property) {
        String column = SORTABLE.get(property);
        if (column == null) {
            throw new IllegalArgumentException("a ledger entry has no property " + property + " to sort by");
        }
        return column;
    }

    private static LedgerEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return LedgerEntry.restore(rs.getLong("id"), rs.getLong("order_id"), rs.getString("user_id"),
                EntryType.valueOf(rs.getString("type")), rs.getBigDecimal("point"), rs.getBigDecimal("balance_after"),
                rs.getLong("created_at"));
    }
}
