package io.deadlinesaga.sagaview;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records of the topic as the view's consumer gets them, made from the contract's events. */
public final class Records {

    public static final String TOPIC = Wire.TOPIC;
    private static final EventCodec CODEC = new EventCodec();
    private static final BigDecimal POINTS = new BigDecimal("550");

    private Records() {
    }

    /** The record of an event at a partition and offset, keyed by its orderId, with its type header. */
    public static ConsumerRecord<String, String> record(int partition, long offset, SagaEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", event.eventType().getBytes(StandardCharsets.UTF_8));
        String value = CODEC.toJson(event);
        return new ConsumerRecord<>(TOPIC, partition, offset, event.timestamp(), TimestampType.CREATE_TIME,
                -1, value.length(), Long.toString(event.orderId()), value, headers, Optional.empty());
    }

    /** A record nobody can read, at a partition and offset. */
    public static ConsumerRecord<String, String> garbage(int partition, long offset) {
        return new ConsumerRecord<>(TOPIC, partition, offset, "7", "not json");
    }

    public static OrderCreated anOrderCreated(long orderId, long deadline) {
        return OrderCreated.of(orderId, "jjy", 1, new BigDecimal("500"), deadline);
    }

    public static ExchangeSucceed anExchangeSucceed(long orderId) {
        return ExchangeSucceed.of(orderId, "jjy", 1, new BigDecimal("500"), new BigDecimal("1.1"), POINTS);
    }

    public static PointUsed aPointUsed(long orderId) {
        return PointUsed.of(orderId, "jjy", POINTS, new BigDecimal("9450"));
    }

    public static OrderPlaced anOrderPlaced(long orderId) {
        return OrderPlaced.of(orderId, "jjy");
    }
}
