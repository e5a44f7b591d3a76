package io.deadlinesaga.point.ledger;

import io.deadlinesaga.messaging.testing.MigratedH2;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class JdbcClosedOrderRepositoryTest {

    private static final long ORDER_ID = 7;
    private static final long CLOSED_AT = 1_700_000_000_000L;

    private final JdbcClient jdbc = MigratedH2.of("point").jdbc();
    private final JdbcClosedOrderRepository closedOrders = new JdbcClosedOrderRepository(jdbc);

    @Test
    void recordsTheOrderAndWhenItWasClosed() {
        // when
        closedOrders.insert(new ClosedOrder(ORDER_ID, CLOSED_AT));

        // then
        assertThat(closedOrders.existsById(ORDER_ID)).isTrue();
        assertThat(jdbc.sql("SELECT closed_at FROM point_closed_order WHERE order_id = ?").param(ORDER_ID)
                .query(Long.class).single()).isEqualTo(CLOSED_AT);
    }

    @Test
    void knowsNothingOfAnOrderNotClosed() {
        // given
        closedOrders.insert(new ClosedOrder(ORDER_ID, CLOSED_AT));

        // when / then
        assertThat(closedOrders.existsById(ORDER_ID + 1)).isFalse();
    }

    @Test
    void refusesToRecordAnOrderTwice() {
        // given
        closedOrders.insert(new ClosedOrder(ORDER_ID, CLOSED_AT));

        // when
        Throwable second = catchThrowable(() -> closedOrders.insert(new ClosedOrder(ORDER_ID, CLOSED_AT + 1)));

        // then
        assertThat(second).isInstanceOf(DuplicateKeyException.class);
    }
}
