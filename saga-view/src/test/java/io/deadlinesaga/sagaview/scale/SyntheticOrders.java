package io.deadlinesaga.sagaview.scale;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approved orders put straight on the topic, as the services would have put them: OrderCreated,
 * ExchangeSucceed, PointUsed and OrderPlaced each, keyed by orderId with the {@code type} header, as fast as
 * one producer can send them; one order in {@value #VIOLATION_EVERY} (those ending in 5000) is also rejected,
 * a violation for the auditor to find. For measurements by hand:
 * {@code java -cp <the view's test classpath> io.deadlinesaga.sagaview.scale.SyntheticOrders <bootstrap servers> <topic> <first orderId> <orders>}
 */
public final class SyntheticOrders {

    private static final Logger log = LoggerFactory.getLogger(SyntheticOrders.class);
    private static final EventCodec CODEC = new EventCodec();
    private static final BigDecimal AMOUNT = new BigDecimal("500");
    private static final BigDecimal RATE = new BigDecimal("1.1");
    private static final BigDecimal POINTS = new BigDecimal("550.0");
    static final int VIOLATION_EVERY = 10_000;

    private SyntheticOrders() {
    }

    /** Puts orders {@code first} to {@code first + count - 1} on the topic, 4 events each, and waits until sent. */
    public static void produce(String bootstrapServers, String topic, long first, int count) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (long orderId = first; orderId < first + count && failure.get() == null; orderId++) {
                for (SagaEvent event : events(orderId)) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, Long.toString(orderId),
                            CODEC.toJson(event));
                    record.headers().add("type", event.eventType().getBytes(StandardCharsets.UTF_8));
                    producer.send(record, (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not put the synthetic orders on " + topic, failure.get());
        }
        log.info("put {} orders on {} in {} ms", count, topic, (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether this order is one of the violations. */
    static boolean violates(long orderId) {
        return orderId % VIOLATION_EVERY == VIOLATION_EVERY / 2;
    }

    /** An approved order's events, in the order the services emit them; a violation is rejected as well. */
    static List<SagaEvent> events(long orderId) {
        String holder = "holder-" + orderId % 1000;
        List<SagaEvent> approved = List.of(OrderCreated.of(orderId, holder, 1, AMOUNT, System.currentTimeMillis() + 10_000),
                ExchangeSucceed.of(orderId, holder, 1, AMOUNT, RATE, POINTS),
                PointUsed.of(orderId, holder, POINTS, new BigDecimal("9450.0")),
                OrderPlaced.of(orderId, holder));
        if (!violates(orderId)) {
            return approved;
        }
        List<SagaEvent> violation = new ArrayList<>(approved);
        violation.add(OrderRejected.of(orderId, holder, "DEADLINE"));
        return violation;
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: SyntheticOrders <bootstrap servers> <topic> <first orderId> <orders>");
        }
        produce(args[0], args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
    }
}
