package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.deadlinesaga.messaging.Housekeeping;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sent outbox rows and processed inbox rows are pruned once older than the retention; nothing else is. */
class HousekeepingTest {

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void prunesSentAndProcessedRowsOlderThanTheRetentionOnly() {
        // given
        String holder = SagaClient.newHolder("tidy");
        saga.openAccount(holder, "1000");
        saga.awaitSettled(saga.placeOrderId(holder, "1", "10"), Duration.ofSeconds(20));
        JdbcTemplate order = system.bean("order", JdbcTemplate.class);
        Housekeeping housekeeping = system.bean("order", Housekeeping.class);
        // the relay marks what it sent a moment later, in one statement for many rows
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(order, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
        assertThat(count(order, "SELECT count(*) FROM outbox_message WHERE sent_at IS NOT NULL")).isPositive();
        assertThat(count(order, "SELECT count(*) FROM inbox_event WHERE status = 'DONE'")).isPositive();

        // when: nothing is old enough yet, then everything is
        int youngDeleted = housekeeping.pruneOlderThanRetention(System.currentTimeMillis());
        int oldDeleted = housekeeping.pruneOlderThanRetention(System.currentTimeMillis() + Duration.ofDays(1).toMillis());

        // then
        assertThat(youngDeleted).isZero();
        assertThat(oldDeleted).isPositive();
        assertThat(count(order, "SELECT count(*) FROM outbox_message WHERE sent_at IS NOT NULL")).isZero();
        assertThat(count(order, "SELECT count(*) FROM inbox_event WHERE status = 'DONE'")).isZero();
        assertThat(saga.order(saga.placeOrderId(holder, "1", "10")).get("status").asString()).isNotBlank();
    }

    @Test
    void prunesABacklogOfManyBatchesAndKeepsWhatIsYounger() {
        // given: rows of orders that do not exist, 12,000 long past (the last 2,000 sharing one time) and 10 young
        JdbcTemplate order = system.bean("order", JdbcTemplate.class);
        Housekeeping housekeeping = system.bean("order", Housekeeping.class);
        long now = System.currentTimeMillis();
        long orderId = -now;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            times.add(1_000L + Math.min(i, 10_000));
        }
        for (int i = 0; i < 10; i++) {
            times.add(now - i);
        }
        order.batchUpdate("INSERT INTO outbox_message (event_id, order_id, event_type, payload, created_at, sent_at)"
                + " VALUES (?, ?, 'OrderCreated', '{}', ?, ?)", times, 1000, (statement, time) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setLong(2, orderId);
                    statement.setLong(3, time);
                    statement.setLong(4, time);
                });
        order.batchUpdate("INSERT INTO inbox_event (event_id, order_id, event_type, payload, status, attempts,"
                + " not_before, received_at, processed_at) VALUES (?, ?, 'PointUsed', '', 'DONE', 1, ?, ?, ?)", times,
                1000, (statement, time) -> {
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setLong(2, orderId);
                    statement.setLong(3, time);
                    statement.setLong(4, time);
                    statement.setLong(5, time);
                });

        // when (the service's own minutely prune may take part of the backlog meanwhile: the same code)
        housekeeping.pruneOlderThanRetention(now);

        // then
        assertThat(count(order, "SELECT count(*) FROM outbox_message WHERE order_id = " + orderId)).isEqualTo(10);
        assertThat(count(order, "SELECT count(*) FROM inbox_event WHERE order_id = " + orderId)).isEqualTo(10);
        assertThat(count(order, "SELECT min(sent_at) FROM outbox_message WHERE order_id = " + orderId))
                .isGreaterThan(now - 10);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
