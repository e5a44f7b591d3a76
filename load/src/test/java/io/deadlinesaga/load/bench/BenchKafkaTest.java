package io.deadlinesaga.load.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.event.DeadlineReached;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bench's Kafka parts against a real broker: an embedded KRaft node, with the saga's topic. */
class BenchKafkaTest {

    private static final String TOPIC = Wire.TOPIC;
    private static EmbeddedKafkaKraftBroker broker;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final EventCodec codec = new EventCodec();
    private Admin admin;
    private KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void connect() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        admin = Admin.create(config);
        producer = Sender.producer(broker.getBrokersAsString(), "bench-test");
    }

    @AfterEach
    void disconnect() {
        producer.close();
        admin.close();
    }

    private KafkaConsumer<String, String> consumer(String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** A record as the deadline service's outbox publishes it. */
    private ProducerRecord<String, String> published(SagaEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, Long.toString(event.orderId()),
                codec.toJson(event));
        record.headers().add(Wire.TYPE_HEADER, event.eventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void theRawReferenceTimesEveryGroupReadingEveryRecordAndLeavesNothingBehind() throws Exception {
        // when
        BenchResults.Raw raw = new RawReference(broker.getBrokersAsString(), TOPIC, out).run(3_000, 300, 2);

        // then
        assertThat(raw.records()).isEqualTo(3_000);
        assertThat(raw.recordBytes()).isEqualTo(300);
        assertThat(raw.groups()).isEqualTo(2);
        assertThat(raw.seconds()).isPositive();
        assertThat(raw.recordsPerSecond()).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 consumer groups joined; sending 3000 records of 300 bytes");
        assertThat(admin.listTopics().names().get()).doesNotContain(RawReference.TOPIC);
        assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                .noneMatch(group -> group.startsWith(RawReference.TOPIC));
    }

    @Test
    void theSyntheticOrdersReachTheTopicAndAGroupsReadingOfThemIsCounted() throws Exception {
        // given
        long first = SyntheticEvents.firstOrderId(1_800_000_000L);
        SyntheticEvents events = new SyntheticEvents(TOPIC);
        long now = System.currentTimeMillis();

        // when: sent, then read in the deadline service's group, which commits as it goes
        ProducedOffsets produced = Sender.send(producer, first, 50, orderId -> events.orderCreated(orderId, now, now + 60_000));
        List<SagaEvent> read = new ArrayList<>();
        ConsumerGroups groups = new ConsumerGroups(admin);
        try (KafkaConsumer<String, String> deadline = consumer(DeadlineStep.DEADLINE_GROUP)) {
            deadline.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, String> record : deadline.poll(Duration.ofMillis(100))) {
                    byte[] type = record.headers().lastHeader(Wire.TYPE_HEADER).value();
                    SagaEvent event = codec.fromJson(codec.typeOf(type, record.value()).orElseThrow(), record.value());
                    if (event.orderId() >= first && event.orderId() < first + 50) {
                        read.add(event); // not the other tests' events
                    }
                }
                deadline.commitSync();
                return read.size() >= 50;
            });

            // then: each is the OrderCreated the order service would publish, and the group has read them all
            assertThat(produced.size()).isEqualTo(50);
            assertThat(read).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(OrderCreated.class, created -> {
                assertThat(created.holderId()).isEqualTo(SyntheticEvents.HOLDER);
                assertThat(created.currencyId()).isEqualTo(300);
                assertThat(created.deadline()).isEqualTo(now + 60_000);
            }));
            assertThat(read).extracting(SagaEvent::orderId).containsExactlyInAnyOrderElementsOf(
                    LongStream.range(first, first + 50).boxed().toList());
            assertThat(produced.countBelow(groups.committed(DeadlineStep.DEADLINE_GROUP, TOPIC))).isEqualTo(50);
            assertThat(groups.reading(TOPIC)).containsExactly(DeadlineStep.DEADLINE_GROUP);
            assertThat(groups.lag(TOPIC, List.of(DeadlineStep.DEADLINE_GROUP))).isZero();
        }
    }

    @Test
    void theProbeReaderTimesTheDeadlinesOfItsOrdersOnceEach() throws Exception {
        // given: the reader of orders first..first+1, from the topic's end now
        long first = SyntheticEvents.firstOrderId(1_800_000_001L);
        try (DeadlineReachedReader reader = new DeadlineReachedReader(broker.getBrokersAsString(), TOPIC, first,
                first + 1)) {
            long due = System.currentTimeMillis();

            // when: the deadline service fires them 7 and 20 ms late (the second twice, as after a crash), and another
            producer.send(published(new DeadlineReached("e1", first, due, due, due + 7)));
            producer.send(published(new DeadlineReached("e2", first + 1, due, due, due + 20)));
            producer.send(published(new DeadlineReached("e2", first + 1, due, due, due + 20)));
            producer.send(published(new DeadlineReached("e3", first + 2, due, due, due + 500)));
            producer.send(published(new OrderCreated("e4", first, due, "bench-deadline", 300, BigDecimal.ONE, due)));
            producer.flush();

            // then
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                reader.poll(Duration.ofMillis(100));
                return reader.fired() == 2;
            });
            reader.poll(Duration.ofMillis(300));
            assertThat(reader.fired()).isEqualTo(2);
            assertThat(reader.lateness()).containsExactlyInAnyOrder(7, 20);
        }
    }

    @Test
    void aCountdownEndsWhenNothingIsLeftAndGivesUpWhenNothingMoves() throws Exception {
        // given
        long[] left = {3};

        // when / then
        assertThat(Countdown.await("counting", () -> left[0] == 0 ? 0 : --left[0], Duration.ofSeconds(5), out)).isTrue();
        assertThat(Countdown.await("stuck", () -> 4, Duration.ZERO, out)).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("counting: 2 left").contains("stuck: 4 left");
    }
}
