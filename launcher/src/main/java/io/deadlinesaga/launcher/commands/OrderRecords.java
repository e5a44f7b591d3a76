package io.deadlinesaga.launcher.commands;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tells when a new record of one order reaches the topic: a consumer of no group, placed at the topic's end when
 * made, reading on from there. {@code events --follow} asks the saga view again only then.
 */
final class OrderRecords implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String key;

    /** @throws KafkaException when the topic cannot be reached */
    OrderRecords(String bootstrapServers, String topic, long orderId) {
        this.key = Long.toString(orderId);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-events-" + orderId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        consumer = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
        catch (KafkaException | NullPointerException ex) {
            consumer.close(Duration.ZERO);
            throw ex instanceof KafkaException kafka ? kafka : new KafkaException("no topic " + topic);
        }
    }

    /** Waits up to the timeout for records; true if one of them is the order's. */
    boolean arrived(Duration timeout) {
        boolean arrived = false;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            arrived |= key.equals(record.key());
        }
        return arrived;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
