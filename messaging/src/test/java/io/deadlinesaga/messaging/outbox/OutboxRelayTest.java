package io.deadlinesaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestDatabase;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.persistence.Durability;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.ProducerListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final Duration NEVER_IN_A_TEST = Duration.ofHours(1);

    private final TestDatabase database = TestDatabase.empty();
    private final EventCodec codec = new EventCodec();
    /** what each order's events must look like on the topic: in the order they were appended */
    private final Map<String, List<String>> appended = new LinkedHashMap<>();
    private final List<OutboxRelay> started = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        started.forEach(OutboxRelay::stop);
    }

    @Test
    void sendsEachOrdersEventsInTheOrderTheyWereAppended() {
        // given
        RecordingBroker broker = new RecordingBroker();
        Instance service = start(instance(broker, TestSettings.relay()));

        // when: 20 commits, each with an event of each of 5 orders
        for (int commit = 0; commit < 20; commit++) {
            append(service, eventsOfOrders(1, 5));
        }

        // then
        assertEveryEventSentOnceInOrderAndMarked(broker);
    }

    @Test
    void twoRelaysRecoveringOneTableSendEveryEventOnceAndEachOrdersInOrder() {
        // given: 300 events of 6 orders, left unsent by an instance that died before relaying them
        Outbox ofTheDeadInstance = TestOutboxes.unrelayed(database, TestSettings.with(TestSettings.relay()));
        for (int commit = 0; commit < 50; commit++) {
            database.transactions().executeWithoutResult(status -> eventsOfOrders(1, 6).forEach(event -> {
                ofTheDeadInstance.append(event);
                expect(event);
            }));
        }
        RecordingBroker broker = new RecordingBroker();
        MessagingProperties.Relay smallBatches = relay(20, TestSettings.relay().pollInterval());

        // when: two instances start at once, and both read the table
        start(instance(broker, smallBatches));
        start(instance(broker, smallBatches));

        // then
        assertEveryEventSentOnceInOrderAndMarked(broker);
    }

    @Test
    void twoInstancesHandingOverTheirCommitsSendEachOrdersEventsInOrder() {
        // given: two instances, each with nothing left to recover (no poll of the table while the test runs)
        RecordingBroker broker = new RecordingBroker();
        MessagingProperties.Relay noPolls = relay(20, NEVER_IN_A_TEST);
        Instance first = instance(broker, noPolls);
        Instance second = instance(broker, noPolls);
        first.relay().round();
        second.relay().round();
        start(first);
        start(second);

        // when: each commits events of its own orders (their partitions), in turns
        for (int commit = 0; commit < 30; commit++) {
            append(first, eventsOfOrders(1, 3));
            append(second, eventsOfOrders(4, 6));
        }

        // then
        assertEveryEventSentOnceInOrderAndMarked(broker);
    }

    @Test
    void aRowHandedOverToOneRelayIsNeverSentByAnothersReadOfTheTable() {
        // given: relay A, handed the rows of its instance's commits; relay B, reading every unsent row of the same
        // table as often as it can (a poll interval of zero), which sends A's first commit before A's thread runs
        RecordingBroker broker = new RecordingBroker();
        List<String> sentByA = new CopyOnWriteArrayList<>();
        List<String> sentByB = new CopyOnWriteArrayList<>();
        Instance a = instance(table(), noting(broker, sentByA), relay(500, NEVER_IN_A_TEST));
        a.relay().round();
        start(instance(table(), noting(broker, sentByB), relay(20, Duration.ZERO)));
        append(a, eventsOfOrders(1, 5));
        await().atMost(SOON).until(() -> sentByB.size() == 5);
        start(a);

        // when: 100 more commits, each with an event of each of the 5 orders, while both relays run
        for (int commit = 0; commit < 100; commit++) {
            append(a, eventsOfOrders(1, 5));
        }
        await().atMost(SOON).until(this::unsent, count -> count == 0);
        started.forEach(OutboxRelay::stop);

        // then: no row went from both, and each order's went in order
        assertThat(sentByA.stream().filter(sentByB::contains).toList()).as("sent by both").isEmpty();
        assertEveryEventSentOnceInOrderAndMarked(broker);
    }

    @Test
    void aCrashBetweenSendAndMarkSendsAgainOnlyWhatWasNotMarked() {
        // given: an instance that sent two rows and marked them, then sent a third and died before marking it
        RecordingBroker brokerBeforeTheCrash = new RecordingBroker();
        AtomicBoolean dying = new AtomicBoolean();
        Instance beforeTheCrash = instance(dyingAtTheMark(dying), brokerBeforeTheCrash.template(),
                relay(500, NEVER_IN_A_TEST));
        beforeTheCrash.relay().round();
        append(beforeTheCrash, List.of(placed(7), placed(7)));
        beforeTheCrash.relay().round();
        SagaEvent sentNotMarked = placed(7);
        append(beforeTheCrash, List.of(sentNotMarked));
        dying.set(true);
        beforeTheCrash.relay().round();
        assertThat(brokerBeforeTheCrash.records()).hasSize(3);
        assertThat(unsent()).isEqualTo(1);

        // when: the process starts again
        RecordingBroker brokerAfterTheRestart = new RecordingBroker();
        Instance afterTheRestart = instance(brokerAfterTheRestart, relay(500, NEVER_IN_A_TEST));
        roundsUntilIdle(afterTheRestart.relay());

        // then
        assertThat(brokerAfterTheRestart.records()).extracting(ProducerRecord::value)
                .containsExactly(codec.toJson(sentNotMarked));
        assertThat(unsent()).isZero();
    }

    @Test
    void retriesWhileTheBrokerRefusesAndThenSendsEverythingInOrder() {
        // given
        RecordingBroker broker = new RecordingBroker();
        MessagingProperties.Relay quickRetries = new MessagingProperties.Relay(500, Duration.ofSeconds(1),
                Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(30));
        Instance service = instance(broker, quickRetries);
        service.relay().round();
        start(service);
        broker.refuseSends();

        // when
        append(service, List.of(placed(7), placed(7), placed(8)));

        // then: nothing goes while the broker is away, and nothing is lost
        await().during(Duration.ofMillis(300)).atMost(SOON).until(this::unsent, count -> count == 3);
        assertThat(broker.records()).isEmpty();

        // when
        broker.acceptSends();

        // then
        assertEveryEventSentOnceInOrderAndMarked(broker);
    }

    @Test
    void sendsADeadLetterToTheDeadLetterTopicAsItWasReceivedWithItsError() {
        // given
        RecordingBroker broker = new RecordingBroker();
        Instance service = start(instance(broker, TestSettings.relay()));

        // when
        database.transactions().executeWithoutResult(status ->
                service.outbox().deadLetter(7, "OrderPlaced", "{\"not\":\"readable\"}", "handler kept failing"));

        // then
        await().atMost(SOON).until(() -> broker.records().size() == 1);
        ProducerRecord<String, String> record = broker.records().get(0);
        assertThat(record.topic()).isEqualTo(Wire.deadLetterTopic(Wire.TOPIC));
        assertThat(record.key()).isEqualTo("7");
        assertThat(record.value()).isEqualTo("{\"not\":\"readable\"}");
        assertThat(header(record, Wire.TYPE_HEADER)).isEqualTo("OrderPlaced");
        assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Wire.TOPIC);
        assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("handler kept failing");
    }

    /** Every event appended reached the broker once, each order's in the order they were appended, and is marked sent. */
    private void assertEveryEventSentOnceInOrderAndMarked(RecordingBroker broker) {
        int appendedEvents = appended.values().stream().mapToInt(List::size).sum();
        await().atMost(SOON).until(this::unsent, count -> count == 0);
        await().atMost(SOON).until(() -> broker.records().size() >= appendedEvents);
        assertThat(broker.records()).hasSize(appendedEvents);
        assertThat(broker.payloadsByKey()).isEqualTo(appended);
    }

    /** One instance of a service: its outbox, and the relay its commits hand over to. */
    private record Instance(Outbox outbox, OutboxRelay relay) {
    }

    private Instance instance(RecordingBroker broker, MessagingProperties.Relay settings) {
        return instance(table(), broker.template(), settings);
    }

    private Instance instance(OutboxRepository table, KafkaTemplate<String, String> kafka,
            MessagingProperties.Relay settings) {
        MessagingProperties properties = TestSettings.with(settings);
        OutboxRelay relay = new OutboxRelay(table, kafka, database.transactions(), Durability.ON_COMMIT, properties);
        return new Instance(new JdbcOutbox(database.jdbc(), codec, relay, properties.deadLetterTopic()), relay);
    }

    private Instance start(Instance instance) {
        instance.relay().start();
        started.add(instance.relay());
        return instance;
    }

    private OutboxRepository table() {
        return new OutboxRepository(database.client());
    }

    /** The table as a process sees it that dies, once {@code dying} is set, as it marks what the broker has. */
    private OutboxRepository dyingAtTheMark(AtomicBoolean dying) {
        return new OutboxRepository(database.client()) {

            @Override
            void markSent(Collection<Long> ids, long sentAt) {
                if (dying.get()) {
                    throw new IllegalStateException("the process died");
                }
                super.markSent(ids, sentAt);
            }
        };
    }

    /** A relay's way to the broker that notes each payload the broker acknowledged from that relay. */
    private static KafkaTemplate<String, String> noting(RecordingBroker broker, List<String> acknowledged) {
        KafkaTemplate<String, String> kafka = broker.template();
        kafka.setProducerListener(new ProducerListener<>() {

            @Override
            public void onSuccess(ProducerRecord<String, String> record, RecordMetadata metadata) {
                acknowledged.add(record.value());
            }
        });
        return kafka;
    }

    private static void roundsUntilIdle(OutboxRelay relay) {
        for (int round = 0; round < 1000 && relay.round().isZero(); round++) {
            // each round sends a batch; one that leaves nothing to do says how long to wait
        }
    }

    private void append(Instance instance, List<SagaEvent> events) {
        database.transactions().executeWithoutResult(status -> events.forEach(instance.outbox()::append));
        events.forEach(this::expect);
    }

    private void expect(SagaEvent event) {
        appended.computeIfAbsent(Long.toString(event.orderId()), key -> new ArrayList<>()).add(codec.toJson(event));
    }

    private static List<SagaEvent> eventsOfOrders(long first, long last) {
        List<SagaEvent> events = new ArrayList<>();
        for (long orderId = first; orderId <= last; orderId++) {
            events.add(placed(orderId));
        }
        return events;
    }

    private static SagaEvent placed(long orderId) {
        return OrderPlaced.of(orderId, "holder-" + orderId);
    }

    /** The relay's defaults but for the batch size and how often it reads the table. */
    private static MessagingProperties.Relay relay(int batchSize, Duration pollInterval) {
        MessagingProperties.Relay defaults = TestSettings.relay();
        return new MessagingProperties.Relay(batchSize, pollInterval, defaults.busyWait(), defaults.retryDelay(),
                defaults.sendTimeout(), defaults.stallAfter());
    }

    private long unsent() {
        return database.count("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
