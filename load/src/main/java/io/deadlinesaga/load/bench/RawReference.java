package io.deadlinesaga.load.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker alone carries, as a yardstick for the saga: on a topic of its own ({@value #TOPIC}, as many
 * partitions and replicas as the saga's topic, deleted afterwards), as many records of the same size as a step put
 * on the saga's topic, produced as the services produce (acks=all, idempotent, linger 1 ms) while as many consumer
 * groups as read the saga's topic each read them all with one consumer, from the earliest offset. Timed from the
 * first record sent until every group has read every record; the groups have joined before the clock starts.
 */
final class RawReference {

    static final String TOPIC = "bench-raw";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
    /** how long the consumers may read nothing before the reference gives up */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String sagaTopic;
    private final PrintStream out;

    RawReference(String bootstrapServers, String sagaTopic, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.sagaTopic = sagaTopic;
        this.out = out;
    }

    /**
     * @param records how many records to send
     * @param recordBytes the size of each: key, value and headers
     * @param groups how many consumer groups read them
     * @return how long it took; {@code sagasPerSecond} and {@code ratio} are left 0, for the caller who knows the saga
     * @throws BenchException when the broker refuses, or the groups stop reading
     */
    BenchResults.Raw run(long records, int recordBytes, int groups) throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> groupIds = new ArrayList<>();
        for (int group = 1; group <= groups; group++) {
            groupIds.add(TOPIC + "-" + run + "-" + group);
        }
        try (Admin admin = Admin.create(adminConfig())) {
            createTopic(admin);
            List<Reader> readers = new ArrayList<>();
            try {
                CountDownLatch joined = new CountDownLatch(groups);
                for (String groupId : groupIds) {
                    Reader reader = new Reader(groupId, records, joined);
                    readers.add(reader);
                    reader.thread.start();
                }
                if (!joined.await(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new BenchException("the consumer groups were not given the partitions of " + TOPIC + " within "
                            + JOIN_TIMEOUT.toSeconds() + " s");
                }
                out.printf("  %d consumer groups joined; sending %d records of %d bytes%n", groups, records, recordBytes);
                long start = System.nanoTime();
                send(records, recordBytes);
                awaitRead(readers, records, start);
                long end = readers.stream().mapToLong(reader -> reader.doneAt.get()).max().orElse(start);
                double seconds = Math.max(end - start, 1) / 1e9;
                return new BenchResults.Raw(records, recordBytes, groups, Decimals.round(seconds, 3),
                        Decimals.round(records / seconds, 1), 0, 0);
            }
            finally {
                readers.forEach(Reader::stop);
                for (Reader reader : readers) {
                    reader.thread.join(5_000);
                }
                cleanUp(admin, groupIds);
            }
        }
    }

    /** The topic anew, shaped as the saga's: a topic left by an interrupted run is deleted first. */
    private void createTopic(Admin admin) throws InterruptedException {
        TopicDescription saga = ConsumerGroups.get(admin.describeTopics(List.of(sagaTopic)).allTopicNames()).get(sagaTopic);
        deleteTopic(admin);
        NewTopic topic = new NewTopic(TOPIC, saga.partitions().size(),
                (short) saga.partitions().get(0).replicas().size());
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                ConsumerGroups.get(admin.createTopics(List.of(topic)).all());
                return;
            }
            catch (BenchException ex) {
                // a topic just deleted is still being removed for a moment
                if (System.nanoTime() > until) {
                    throw ex;
                }
                Thread.sleep(500);
            }
        }
    }

    private void send(long records, int recordBytes) throws InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "saga-bench-raw");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicReference<Exception> refused = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < records && refused.get() == null; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                // keyed by a number, as the saga's records are by orderId; the value makes up the rest of the size
                String key = Long.toString(i);
                byte[] value = new byte[Math.max(0, recordBytes - key.length())];
                Arrays.fill(value, (byte) 'x');
                producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, error) -> {
                    if (error != null) {
                        refused.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        catch (InterruptException ex) {
            Thread.interrupted(); // Kafka's exception sets the flag again; the caller is told by the exception
            throw new InterruptedException("interrupted while sending");
        }
        if (refused.get() != null) {
            throw new BenchException("Kafka refused a record of " + TOPIC + ": " + refused.get().getMessage());
        }
    }

    private void awaitRead(List<Reader> readers, long records, long start) throws InterruptedException {
        long least = 0;
        long movedAt = System.nanoTime();
        long nextSay = start + 1_000_000_000L;
        while (true) {
            long read = readers.stream().mapToLong(reader -> reader.read.get()).min().orElse(records);
            for (Reader reader : readers) {
                if (reader.failure.get() != null) {
                    throw new BenchException("a consumer of " + TOPIC + " failed: " + reader.failure.get().getMessage(),
                            reader.failure.get());
                }
            }
            if (read >= records) {
                return;
            }
            long now = System.nanoTime();
            if (read > least) {
                least = read;
                movedAt = now;
            }
            else if (now - movedAt > STALL.toNanos()) {
                throw new BenchException("the consumers of " + TOPIC + " read nothing for " + STALL.toSeconds() + " s");
            }
            if (now >= nextSay) {
                out.printf("  [%4ds] every group has read %d of %d%n", (now - start) / 1_000_000_000, read, records);
                out.flush();
                nextSay += 1_000_000_000L;
            }
            Thread.sleep(10);
        }
    }

    private void cleanUp(Admin admin, List<String> groupIds) {
        boolean interrupted = Thread.interrupted();
        try {
            ConsumerGroups.get(admin.deleteConsumerGroups(groupIds).all());
        }
        catch (InterruptedException | BenchException ex) {
            out.println("  could not delete the consumer groups " + TOPIC + "-*: " + ex.getMessage());
        }
        try {
            deleteTopic(admin);
        }
        catch (InterruptedException | BenchException ex) {
            out.println("  could not delete the topic " + TOPIC + ": " + ex.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTopic(Admin admin) throws InterruptedException {
        try {
            ConsumerGroups.get(admin.deleteTopics(List.of(TOPIC)).all());
        }
        catch (BenchException ex) {
            if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw ex;
            }
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "saga-bench-raw");
        return config;
    }

    /** One consumer group, one consumer: subscribes, says when it has its partitions, then counts what it reads. */
    private final class Reader {

        final Thread thread;
        final AtomicLong read = new AtomicLong();
        final AtomicLong doneAt = new AtomicLong();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean open = true;

        Reader(String groupId, long records, CountDownLatch joined) {
            thread = new Thread(() -> read(groupId, records, joined), groupId);
            thread.setDaemon(true);
        }

        private void read(String groupId, long records, CountDownLatch joined) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(TOPIC));
                boolean told = false;
                while (open && read.get() < records) {
                    int count = consumer.poll(Duration.ofMillis(100)).count();
                    if (count > 0 && read.get() + count >= records) {
                        doneAt.set(System.nanoTime()); // before the count, which the clock's reader waits for
                    }
                    read.addAndGet(count);
                    if (!told && !consumer.assignment().isEmpty()) {
                        joined.countDown();
                        told = true;
                    }
                }
            }
            catch (RuntimeException ex) {
                failure.set(ex);
            }
        }

        void stop() {
            open = false;
        }
    }
}
