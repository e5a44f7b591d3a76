package io.deadlinesaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Puts outbox rows on the wire: keyed by orderId, the event's type in the {@link Wire#TYPE_HEADER} header, to
 * the saga's topic or, for a dead letter, to its destination with the error headers.
 */
class OutboxPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration sendTimeout;

    OutboxPublisher(KafkaTemplate<String, String> kafka, String topic, Duration sendTimeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
    }

    /** Sends the rows in their order and returns once the broker has acknowledged every one; throws if it did not. */
    void sendAll(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(kafka.send(toRecord(row)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    private ProducerRecord<String, String> toRecord(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                row.destination() == null ? topic : row.destination(), Long.toString(row.orderId()), row.payload());
        record.headers().add(Wire.TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        if (row.error() != null) {
            // the headers Spring Kafka's dead-letter recoverer writes, so both kinds of dead letter read alike
            record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, row.error().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
