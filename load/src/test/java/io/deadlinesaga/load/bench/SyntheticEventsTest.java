package io.deadlinesaga.load.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventType;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic events are read by the services' own codec as the events their outboxes publish. */
class SyntheticEventsTest {

    private static final long ORDER_ID = SyntheticEvents.firstOrderId(1_800_000_000L) + 7;
    private static final long NOW = 1_800_000_000_123L;

    private final SyntheticEvents events = new SyntheticEvents(Wire.TOPIC);
    private final EventCodec codec = new EventCodec();

    private SagaEvent decode(ProducerRecord<String, String> record) {
        byte[] type = record.headers().lastHeader(Wire.TYPE_HEADER).value();
        return codec.fromJson(codec.typeOf(type, record.value()).orElseThrow(), record.value());
    }

    @Test
    void anOrderCreatedIsWhatTheOrderServicePublishes() {
        // when
        ProducerRecord<String, String> record = events.orderCreated(ORDER_ID, NOW, NOW + 1_800_000);

        // then: keyed by the orderId, typed in its header, and the very JSON the codec writes
        assertThat(record.topic()).isEqualTo(Wire.TOPIC);
        assertThat(record.key()).isEqualTo(Long.toString(ORDER_ID));
        assertThat(new String(record.headers().lastHeader(Wire.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(EventType.ORDER_CREATED.wireName());
        SagaEvent event = decode(record);
        assertThat(event).isEqualTo(new OrderCreated(event.eventId(), ORDER_ID, NOW, "bench-deadline", 300,
                new BigDecimal("1"), NOW + 1_800_000));
        assertThat(codec.toJson(event)).isEqualTo(record.value());
    }

    @Test
    void anOrderPlacedIsWhatTheOrderServicePublishes() {
        // when
        ProducerRecord<String, String> record = events.orderPlaced(ORDER_ID, NOW);

        // then
        assertThat(record.key()).isEqualTo(Long.toString(ORDER_ID));
        SagaEvent event = decode(record);
        assertThat(event).isEqualTo(new OrderPlaced(event.eventId(), ORDER_ID, NOW, "bench-deadline"));
        assertThat(codec.toJson(event)).isEqualTo(record.value());
    }

    @Test
    void eachEventHasANewTimeOrderedId() {
        // when
        String first = SyntheticEvents.newEventId();
        String second = SyntheticEvents.newEventId();

        // then: version 7
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.UUID.fromString(first).version()).isEqualTo(7);
    }

    @Test
    void theOrderIdsAreAboveAnyTheOrderServiceGivesAndEachRunHasItsOwn() {
        // when
        long now = SyntheticEvents.firstOrderId(1_800_000_000L);
        long aSecondLater = SyntheticEvents.firstOrderId(1_800_000_001L);
        long inTheYear2600 = SyntheticEvents.firstOrderId(19_880_000_000L);

        // then
        assertThat(now).isGreaterThanOrEqualTo(9_000_000_000_000_000L);
        assertThat(aSecondLater - now).isEqualTo(BenchSettings.MAX_SYNTHETIC_ORDERS);
        assertThat(inTheYear2600).isGreaterThan(now).isLessThan(Long.MAX_VALUE - BenchSettings.MAX_SYNTHETIC_ORDERS);
    }
}
