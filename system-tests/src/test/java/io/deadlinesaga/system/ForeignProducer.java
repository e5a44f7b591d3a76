package io.deadlinesaga.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on the saga topic as a producer outside the services would: duplicates, poison, forgeries. */
final class ForeignProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    ForeignProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Publishes and waits for the broker's acknowledgement; a null type sends no {@code type} header. */
    void publish(String key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SagaSystem.TOPIC, key, json);
        if (type != null) {
            record.headers().add(Wire.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        }
        catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
