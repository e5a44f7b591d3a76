package io.deadlinesaga.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.Wire;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the saga topic while the load runs, without a consumer group (it commits nothing and disturbs no
 * service), from where the topic ended just before the first order was sent: every event of the load's
 * orders comes after that point, so none is missed, and older runs' events are not read at all. It keeps a
 * tally per order, tells the driver when an order looks settled (so it need not poll the order service),
 * and can be asked to catch up with the end of the topic before the invariants are checked.
 */
final class TopicWatcher implements AutoCloseable {

    /** Kafka could not be read. */
    static final class UnreachableException extends RuntimeException {

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final JsonMapper json;
    private final LongConsumer onSettled;
    private final Map<Long, EventTally> tallies = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Void>> catchUpRequest = new AtomicReference<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread reader;
    private volatile boolean open = true;
    private boolean started;

    /**
     * Connects and notes where the topic ends now; reads on from there once {@link #start() started}.
     *
     * @param onSettled called with an orderId when its OrderPlaced or PointUseCompensated arrives
     * @throws UnreachableException when the topic cannot be reached
     */
    TopicWatcher(String bootstrapServers, String topic, JsonMapper json, LongConsumer onSettled) {
        this.json = json;
        this.onSettled = onSettled;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "saga-load");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // a quarter of a second late is nothing to the driver, and a fetch per record would load the broker
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "250");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        consumer = new KafkaConsumer<>(config);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                throw new UnreachableException("topic " + topic + " does not exist on " + bootstrapServers, null);
            }
            partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // resolve the positions now, before any order of the load exists
            partitions.forEach(consumer::position);
        }
        catch (KafkaException ex) {
            consumer.close(Duration.ZERO);
            throw new UnreachableException("cannot read topic " + topic + " from Kafka at " + bootstrapServers + ": " + ex, ex);
        }
        reader = new Thread(this::run, "topic-watcher");
        reader.setDaemon(true);
    }

    void start() {
        started = true;
        reader.start();
    }

    private void run() {
        try {
            Map<TopicPartition, Long> target = null;
            CompletableFuture<Void> pending = null;
            while (open) {
                if (pending == null) {
                    pending = catchUpRequest.getAndSet(null);
                    target = pending == null ? null : endOffsets(pending);
                    if (target == null) {
                        pending = null;
                    }
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    take(record);
                }
                if (pending != null && target != null && reached(target)) {
                    pending.complete(null);
                    pending = null;
                }
            }
        }
        catch (RuntimeException ex) {
            CompletableFuture<Void> pending = catchUpRequest.getAndSet(null);
            if (pending != null) {
                pending.completeExceptionally(ex);
            }
        }
        finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private Map<TopicPartition, Long> endOffsets(CompletableFuture<Void> request) {
        try {
            return consumer.endOffsets(partitions);
        }
        catch (KafkaException ex) {
            request.completeExceptionally(ex);
            return null;
        }
    }

    private boolean reached(Map<TopicPartition, Long> target) {
        return target.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void take(ConsumerRecord<String, String> record) {
        records.incrementAndGet();
        bytes.addAndGet(sizeOf(record));
        Header type = record.headers().lastHeader(Wire.TYPE_HEADER);
        if (type == null || record.key() == null) {
            return;
        }
        long orderId;
        try {
            orderId = Long.parseLong(record.key());
        }
        catch (NumberFormatException notAnOrderId) {
            return;
        }
        EventName.ofWireName(new String(type.value(), StandardCharsets.UTF_8)).ifPresent(name -> {
            JsonNode event = parse(record.value());
            EventTally tally = tallies.computeIfAbsent(orderId, id -> new EventTally());
            if (!tally.add(name, event.path("timestamp").asLong(0), record.timestamp(), event.path("eventId").asString(""))) {
                return; // a copy of an event already counted
            }
            if (name == EventName.ORDER_CREATED) {
                tally.deadline(event.path("deadline").asLong(0));
            }
            if (name == EventName.DEADLINE_REACHED && event.path("firedAt").isNumber() && event.path("deadline").isNumber()) {
                tally.addDeadlineLateness(event.path("firedAt").asLong() - event.path("deadline").asLong());
            }
            if (name == EventName.ORDER_PLACED || name == EventName.POINT_USE_COMPENSATED) {
                onSettled.accept(orderId);
            }
        });
    }

    /** What a record weighs on the wire, before the batch's own overhead: its key, value and headers. */
    static long sizeOf(ConsumerRecord<?, ?> record) {
        long size = Math.max(record.serializedKeySize(), 0) + Math.max(record.serializedValueSize(), 0);
        for (Header header : record.headers()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private JsonNode parse(String value) {
        try {
            return value == null ? json.missingNode() : json.readTree(value);
        }
        catch (JacksonException unreadable) {
            // such a record goes to the dead letters; the I6 check reports its order
            return json.missingNode();
        }
    }

    /**
     * Waits until everything on the topic now has been read.
     *
     * @throws UnreachableException when that takes longer than {@code timeout}
     */
    void catchUp(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequest.set(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new UnreachableException("could not read the topic to its end: " + ex.getCause(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new UnreachableException("could not read the topic to its end within " + timeout.toSeconds() + " s", ex);
        }
    }

    /** The events the topic holds for an order so far (none yet: an empty tally). */
    EventTally tallyOf(long orderId) {
        EventTally tally = tallies.get(orderId);
        return tally != null ? tally : new EventTally();
    }

    /** Records read since the load began. */
    long records() {
        return records.get();
    }

    /** The bytes of the records read since the load began: keys, values and headers. */
    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        if (started) {
            reader.join(5_000);
        }
        else {
            consumer.close(Duration.ZERO);
        }
    }
}
