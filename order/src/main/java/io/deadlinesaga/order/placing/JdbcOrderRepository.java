package io.deadlinesaga.order.placing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.deadlinesaga.messaging.persistence.Rows;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The orders table. Reads take no lock: the inbox's convoy runs one order's handlers one after another, and the
 * HTTP reads only look.
 */
@Repository
class JdbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "id, holder_id, currency_id, amount, status, reason, detail, exchanged_at,"
            + " deadline, created_at, idempotency_key, decided_at, compensated_at";

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM orders WHERE id = ?";

    private static final String FIND_BY_IDEMPOTENCY_KEY = "SELECT " + COLUMNS + " FROM orders"
            + " WHERE idempotency_key = ?";

    private static final String FIND_NEWEST = "SELECT " + COLUMNS + " FROM orders ORDER BY id DESC LIMIT ? OFFSET ?";

    private static final String INSERT = "INSERT INTO orders (holder_id, currency_id, amount, status, reason, detail,"
            + " exchanged_at, deadline, created_at, idempotency_key, decided_at, compensated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // only what an order's methods change after it is placed
    private static final String UPDATE = "UPDATE orders SET status = ?, reason = ?, detail = ?, exchanged_at = ?,"
            + " decided_at = ?, compensated_at = ? WHERE id = ?";

    private final JdbcClient jdbc;

    JdbcOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Order> findById(Long id) {
        return jdbc.sql(FIND_BY_ID).param(id).query(JdbcOrderRepository::order).optional();
    }

    @Override
    public Order insert(Order order) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .params(order.getHolderId(), order.getCurrencyId(), order.getAmount(), order.getStatus().name(),
                        nameOf(order.getReason()), order.getDetail(), order.getExchangedAt(), order.getDeadline(),
                        order.getCreatedAt(), order.getIdempotencyKey(), order.getDecidedAt(),
                        order.getCompensatedAt())
                .update(key, "id");
        order.assignId(Objects.requireNonNull(key.getKey(), "the orders table gives every row an id").longValue());
        return order;
    }

    @Override
    public void update(Order order) {
        long id = Objects.requireNonNull(order.getId(), "an order is inserted before it is updated");
        int rows = jdbc.sql(UPDATE)
                .params(order.getStatus().name(), nameOf(order.getReason()), order.getDetail(),
                        order.getExchangedAt(), order.getDecidedAt(), order.getCompensatedAt(), id)
                .update();
        Rows.requireOne(rows, "order " + id);
    }

    @Override
    public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
        return jdbc.sql(FIND_BY_IDEMPOTENCY_KEY).param(idempotencyKey).query(JdbcOrderRepository::order).optional();
    }

    @Override
    public List<Order> findNewest(Paging page) {
        return jdbc.sql(FIND_NEWEST).params(page.size(), page.offset()).query(JdbcOrderRepository::order).list();
    }

    private static Order order(ResultSet row, int rowNumber) throws SQLException {
        String reason = row.getString("reason");
        return Order.restore(row.getLong("id"), row.getString("holder_id"), row.getLong("currency_id"),
                row.getBigDecimal("amount"), OrderStatus.valueOf(row.getString("status")),
                reason == null ? null : RejectionReason.valueOf(reason), row.getString("detail"),
                row.getObject("exchanged_at", Long.class), row.getLong("deadline"), row.getLong("created_at"),
                row.getString("idempotency_key"), row.getObject("decided_at", Long.class),
                row.getObject("compensated_at", Long.class));
    }

    private static String nameOf(RejectionReason reason) {
        return reason == null ? null : reason.name();
    }
}
