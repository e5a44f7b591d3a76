package io.deadlinesaga.point.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The point_closed_order table, a row per order point knows to be rejected. */
@Repository
class JdbcClosedOrderRepository implements ClosedOrderRepository {

    private static final String COUNT_BY_ID = "SELECT COUNT(*) FROM point_closed_order WHERE order_id = ?";

    private static final String INSERT = "INSERT INTO point_closed_order (order_id, closed_at) VALUES (?, ?)";

    private final JdbcClient jdbc;

    JdbcClosedOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existsById(Long orderId) {
        return jdbc.sql(COUNT_BY_ID).param(orderId).query(Long.class).single() > 0;
    }

    @Override
    public void insert(ClosedOrder closedOrder) {
        jdbc.sql(INSERT).params(closedOrder.getOrderId(), closedOrder.getClosedAt()).update();
    }
}
