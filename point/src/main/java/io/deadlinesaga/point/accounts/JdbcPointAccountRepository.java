package io.deadlinesaga.point.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The point_account table, a row per holder. */
@Repository
class JdbcPointAccountRepository implements PointAccountRepository {

    private static final String COLUMNS = "user_id, point, created_at";

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM point_account WHERE user_id = ?";

    private static final String FIND_FOR_UPDATE = FIND_BY_ID + " FOR UPDATE";

    private static final String COUNT_BY_ID = "SELECT COUNT(*) FROM point_account WHERE user_id = ?";

    private static final String INSERT = "INSERT INTO point_account (" + COLUMNS + ") VALUES (?, ?, ?)";

    private static final String UPDATE = "UPDATE point_account SET point = ? WHERE user_id = ?";

    private static final String FIND_ALL = "SELECT " + COLUMNS + " FROM point_account";

    private static final String PAGE = " LIMIT ? OFFSET ?";

    // a page may be sorted by any property of an account, each read from its column
    private static final Map<String, String> SORTABLE = Map.of("userId", "user_id", "point", "point",
            "createdAt", "created_at");

    private final JdbcClient jdbc;

    JdbcPointAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PointAccount> findById(String userId) {
        return jdbc.sql(FIND_BY_ID).param(userId).query(JdbcPointAccountRepository::account).optional();
    }

    @Override
    public boolean existsById(String userId) {
        return jdbc.sql(COUNT_BY_ID).param(userId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(PointAccount account) {
        jdbc.sql(INSERT).params(account.getUserId(), account.getPoint(), account.getCreatedAt()).update();
    }

    @Override
    public void update(PointAccount account) {
        int updated = jdbc.sql(UPDATE).params(account.getPoint(), account.getUserId()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("no point account of " + account.getUserId() + " to update");
        }
    }

    @Override
    public Optional<PointAccount> findForUpdate(String userId) {
        return jdbc.sql(FIND_FOR_UPDATE).param(userId).query(JdbcPointAccountRepository::account).optional();
    }

    @Override
    public List<PointAccount> findAllBy(Pageable page) {
        return jdbc.sql(FIND_ALL + orderBy(page.getSort()) + PAGE).params(page.getPageSize(), page.getOffset())
                .query(JdbcPointAccountRepository::account).list();
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
            throw new IllegalArgumentException("a point account has no property " + property + " to sort by");
        }
        return column;
    }

    private static PointAccount account(ResultSet rs, int rowNum) throws SQLException {
        return PointAccount.restore(rs.getString("user_id"), rs.getBigDecimal("point"), rs.getLong("created_at"));
    }
}
