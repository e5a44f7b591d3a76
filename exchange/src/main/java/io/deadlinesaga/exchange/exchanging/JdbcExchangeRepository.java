package io.deadlinesaga.exchange.exchanging;

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

/** The exchange table, a row per order. */
@Repository
class JdbcExchangeRepository implements ExchangeRepository {

    private static final String COLUMNS = "order_id, user_id, currency_id, amount, rate, point, state, updated_at";

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM exchange WHERE order_id = ?";

    private static final String COUNT_BY_ID = "SELECT COUNT(*) FROM exchange WHERE order_id = ?";

    private static final String INSERT = "INSERT INTO exchange (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE exchange SET state = ?, updated_at = ? WHERE order_id = ?";

    private static final String FIND_ALL = "SELECT " + COLUMNS + " FROM exchange";

    private static final String PAGE = " LIMIT ? OFFSET ?";

    // a page may be sorted by any property of an exchange, each read from its column
    private static final Map<String, String> SORTABLE = Map.of("orderId", "order_id", "userId", "user_id",
            "currencyId", "currency_id", "amount", "amount", "rate", "rate", "point", "point", "state", "state",
            "updatedAt", "updated_at");

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
        if (updated == 0) {
            throw new OptimisticLockingFailureException("no exchange of order " + exchange.getOrderId() + " to update");
        }
    }

    @Override
    public List<Exchange> findAllBy(Pageable page) {
        return jdbc.sql(FIND_ALL + orderBy(page.getSort()) + PAGE).params(page.getPageSize(), page.getOffset())
                .query(JdbcExchangeRepository::exchange).list();
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
            throw new IllegalArgumentException("an exchange has no property " + property + " to sort by");
        }
        return column;
    }

    private static Exchange exchange(ResultSet rs, int rowNum) throws SQLException {
        return Exchange.restore(rs.getLong("order_id"), rs.getString("user_id"), rs.getLong("currency_id"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("rate"), rs.getBigDecimal("point"),
                ExchangeState.valueOf(rs.getString("state")), rs.getLong("updated_at"));
    }
}
