package io.deadlinesaga.load.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the DeadlineReached events of a range of orders from the saga's topic, from where the topic ends when it
 * is made (without a consumer group, so it disturbs no service): each carries its due time and when it fired,
 * and the difference is how late the deadline service fired it. A deadline counts once, however often its event
 * is on the topic.
 */
final class DeadlineReachedReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final long firstOrderId;
    private final long lastOrderId;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Long, Long> latenessByOrder = new ConcurrentHashMap<>();

    DeadlineReachedReader(String bootstrapServers, String topic, long firstOrderId, long lastOrderId) {
        this.firstOrderId = firstOrderId;
        this.lastOrderId = lastOrderId;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-bench-deadlines");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the positions now, before any of the orders exists
        partitions.forEach(consumer::position);
    }

    /** Reads what has come since the last poll, waiting up to {@code timeout} for it. */
    void poll(Duration timeout) throws InterruptedException {
        try {
            for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
                take(record);
            }
        }
        catch (InterruptException ex) {
            Thread.interrupted(); // Kafka's exception sets the flag again; the caller is told by the exception
            throw new InterruptedException("interrupted while reading the topic");
        }
    }

    private void take(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(Wire.TYPE_HEADER);
        if (type == null || !EventName.DEADLINE_REACHED.wireName().equals(new String(type.value(), StandardCharsets.UTF_8))
                || record.key() == null || !record.key().matches("\\d{1,19}")) {
            return;
        }
        long orderId = Long.parseLong(record.key());
        if (orderId < firstOrderId || orderId > lastOrderId) {
            return;
        }
        try {
            JsonNode event = json.readTree(record.value());
            if (event.path("firedAt").isNumber() && event.path("deadline").isNumber()) {
                latenessByOrder.putIfAbsent(orderId, event.path("firedAt").asLong() - event.path("deadline").asLong());
            }
        }
        catch (JacksonException unreadable) {
            // not the deadline service's: nothing to time
        }
    }

    /** How many of the orders' deadlines have fired. */
    int fired() {
        return latenessByOrder.size();
    }

    /** How late each fired, ms. */
    long[] lateness() {
        return latenessByOrder.values().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
