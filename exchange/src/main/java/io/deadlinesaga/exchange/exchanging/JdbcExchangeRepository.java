package io.deadlinesaga.exchange.exchanging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.persistence.Rows;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchange table, a row per order. */
@Repository
class JdbcExchangeRepository implements ExchangeRepository {

    private static final String COLUMNS = "order_id, user_id, currency_id, amount, rate, point, state, updated_at";

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM exchange WHERE order_id = ?";

    private static final String COUNT_BY_ID = "SELECT COUNT(*) FROM exchange WHERE order_id = ?";

    private static final String INSERT = "INSERT INTO exchange (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE exchange SET state = ?, updated_at = ? WHERE order_id = ?";

    private static final String FIND_NEWEST = "SELECT " + COLUMNS + " FROM exchange ORDER BY order_id DESC"
            + " LIMIT ? OFFSET ?";

    private final JdbcClient jdbc;

    JdbcExchangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Exchange> findById(Long orderId) {
        return jdbc.sql(FIND_BY_ID).param(orderId).query(JdbcExchangeRepository::exchange).optional();
    }

    @Override
    public boolean existsById(Long orderId) {
        return jdbc.sql(COUNT_BY_ID).param(orderId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(Exchange exchange) {
        jdbc.sql(INSERT).params(exchange.getOrderId(), exchange.getUserId(), exchange.getCurrencyId(),
                exchange.getAmount(), exchange.getRate(), exchange.getPoint(), exchange.getState().name(),
                exchange.getUpdatedAt()).update();
    }

    @Override
    public void update(Exchange exchange) {
        int updated = jdbc.sql(UPDATE).params(exchange.getState().name(), exchange.getUpdatedAt(),
                exchange.getOrderId()).update();
        Rows.requireOne(updated, "exchange of order " + exchange.getOrderId());
    }

    @Override
    public List<Exchange> findNewest(Paging page) {
        return jdbc.sql(FIND_NEWEST).params(page.size(), page.offset()).query(JdbcExchangeRepository::exchange).list();
    }

    private static Exchange exchange(ResultSet rs, int rowNum) throws SQLException {
        return Exchange.restore(rs.getLong("order_id"), rs.getString("user_id"), rs.getLong("currency_id"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("rate"), rs.getBigDecimal("point"),
                ExchangeState.valueOf(rs.getString("state")), rs.getLong("updated_at"));
    }
}
