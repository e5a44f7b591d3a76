package io.deadlinesaga.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.support.KafkaHeaders;

/** Reads the topic from the beginning, as {@code kafka-console-consumer} would, and keeps each key's events. */
final class TopicObserver implements AutoCloseable {

    private final Map<String, List<Seen>> byKey = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean open = true;

    TopicObserver(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(() -> {
            try (consumer) {
                while (open) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        byKey.computeIfAbsent(String.valueOf(record.key()), k -> new CopyOnWriteArrayList<>())
                                .add(Seen.of(record));
                    }
                }
            }
        }, "topic-observer");
        reader.setDaemon(true);
        reader.start();
    }

    /** The events on the topic keyed by this order, in topic order. */
    List<Seen> eventsOf(long orderId) {
        return new ArrayList<>(byKey.getOrDefault(Long.toString(orderId), List.of()));
    }

    List<String> typesOf(long orderId) {
        return eventsOf(orderId).stream().map(Seen::type).toList();
    }

    @Override
    public void close() {
        open = false;
    }

    /** One record: its key, partition, {@code type} header, JSON value, and a dead letter's error header. */
    record Seen(String key, int partition, String type, JsonNode value, String error) {

        static Seen of(ConsumerRecord<String, String> record) {
            Header type = record.headers().lastHeader(Wire.TYPE_HEADER);
            Header error = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            JsonNode value;
            try {
                value = Http.JSON.readTree(record.value());
            }
            catch (RuntimeException notJson) {
                value = Http.JSON.missingNode();
            }
            return new Seen(record.key(), record.partition(),
                    type == null ? null : new String(type.value(), StandardCharsets.UTF_8), value,
                    error == null ? null : new String(error.value(), StandardCharsets.UTF_8));
        }

        String field(String name) {
            return value.path(name).asString();
        }
    }
}
