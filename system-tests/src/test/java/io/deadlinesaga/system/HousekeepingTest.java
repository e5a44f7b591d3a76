package io.deadlinesaga.system;

import java.time.Duration;

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

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
