package io.deadlinesaga.point.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.persistence.Rows;
import io.deadlinesaga.messaging.web.Paging;

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

    private static final String FIND_NEWEST = "SELECT " + COLUMNS + " FROM point_account"
            + " ORDER BY created_at DESC, user_id DESC LIMIT ? OFFSET ?";

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
        Rows.requireOne(updated, "point account of " + account.getUserId());
    }

    @Override
    public Optional<PointAccount> findForUpdate(String userId) {
        return jdbc.sql(FIND_FOR_UPDATE).param(userId).query(JdbcPointAccountRepository::account).optional();
    }

    @Override
    public List<PointAccount> findNewest(Paging page) {
        return jdbc.sql(FIND_NEWEST).params(page.size(), page.offset()).query(JdbcPointAccountRepository::account)
                .list();
    }

    private static PointAccount account(ResultSet rs, int rowNum) throws SQLException {
        return PointAccount.restore(rs.getString("user_id"), rs.getBigDecimal("point"), rs.getLong("created_at"));
    }
}
