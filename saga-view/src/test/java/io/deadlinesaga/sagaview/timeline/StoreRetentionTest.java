package io.deadlinesaga.sagaview.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.sagaview.ViewStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StoreRetentionTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final ViewStore store = new ViewStore();
    private final Timelines timelines = new Timelines(store.jdbc());
    private final StoreRetention retention = new StoreRetention(store.jdbc(), store.transactions(),
            new StoreRetention.Settings(Duration.ofDays(7), Duration.ofMinutes(1)));

    @Test
    void forgetsTheSagasOlderThanTheRetentionInBatchesAndKeepsTheYoungerOnes() {
        // given: 2,500 sagas of 8 days ago (more than two batches) and 3 of today, each with two events
        long now = 100 * DAY;
        List<OrderEvent> events = new ArrayList<>();
        long offset = 0;
        for (long orderId = 1; orderId <= 2_503; orderId++) {
            long written = orderId <= 2_500 ? now - 8 * DAY : now;
            events.add(event(orderId, offset++, "OrderCreated", written));
            events.add(event(orderId, offset++, "OrderPlaced", written + 100));
            store.jdbc().update("INSERT INTO saga_verdict (order_id, verdict, order_state, violations) VALUES (?,"
                    + " 'CONSISTENT', 'APPROVED', '[]')", orderId);
        }
        timelines.append(events);

        // when
        int forgotten = retention.forgetSagasBefore(now - 7 * DAY);

        // then
        assertThat(forgotten).isEqualTo(2_500);
        assertThat(timelines.eventsOf(1)).isEmpty();
        assertThat(timelines.eventsOf(2_501)).hasValueSatisfying(timeline -> assertThat(timeline).hasSize(2));
        assertThat(store.jdbc().queryForList("SELECT order_id FROM saga_verdict ORDER BY order_id", Long.class))
                .containsExactly(2_501L, 2_502L, 2_503L);
    }

    @Test
    void forgetsNothingYoungerThanTheRetention() {
        // given
        long now = 100 * DAY;
        timelines.append(List.of(event(7, 0, "OrderCreated", now - 6 * DAY)));

        // when / then
        assertThat(retention.forgetSagasBefore(now - 7 * DAY)).isZero();
        assertThat(timelines.eventsOf(7)).isPresent();
    }

    private static OrderEvent event(long orderId, long offset, String type, long written) {
        return new OrderEvent(orderId, TimelineEntry.of(type, 0, offset, written, "e-" + offset,
                JsonMapper.builder().build().createObjectNode()));
    }
}
