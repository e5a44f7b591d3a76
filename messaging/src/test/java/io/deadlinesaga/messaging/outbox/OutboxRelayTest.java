package io.deadlinesaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestDatabase;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

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
        MessagingProperties.Relay smallBatches = withBatchSize(TestSettings.relay(), 20);

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
        MessagingProperties.Relay noPolls = new MessagingProperties.Relay(20, NEVER_IN_A_TEST, Duration.ofMillis(100),
                Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30));
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
    void aCrashBetweenSendAndMarkSendsAgainOnlyWhatWasNotMarked() {
        // given: an instance that marks two rows at a time, sends three and marks the first two
        RecordingBroker brokerBeforeTheCrash = new RecordingBroker();
        MessagingProperties.Relay markingPairs = new MessagingProperties.Relay(2, NEVER_IN_A_TEST, NEVER_IN_A_TEST,
                Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30));
        Instance beforeTheCrash = instance(brokerBeforeTheCrash, markingPairs);
        beforeTheCrash.relay().round();
        append(beforeTheCrash, List.of(placed(7), placed(7)));
        beforeTheCrash.relay().round();
        SagaEvent sentNotMarked = placed(7);
        append(beforeTheCrash, List.of(sentNotMarked));
        beforeTheCrash.relay().round();
        assertThat(brokerBeforeTheCrash.records()).hasSize(3);
        assertThat(unsent()).isEqualTo(1);

        // when: the process dies there, and starts again
        RecordingBroker brokerAfterTheRestart = new RecordingBroker();
        Instance afterTheRestart = instance(brokerAfterTheRestart, markingPairs);
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
                Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
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
        MessagingProperties properties = TestSettings.with(settings);
        OutboxRelay relay = new OutboxRelay(database.repository(OutboxRepository.class), broker.template(),
                database.transactions(), properties);
        return new Instance(new JdbcOutbox(database.jdbc(), codec, relay, properties.deadLetterTopic()), relay);
    }

    private Instance start(Instance instance) {
        instance.relay().start();
        started.add(instance.relay());
        return instance;
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

    private static MessagingProperties.Relay withBatchSize(MessagingProperties.Relay relay, int batchSize) {
        return new MessagingProperties.Relay(batchSize, relay.pollInterval(), relay.markInterval(), relay.busyWait(),
                relay.retryDelay(), relay.sendTimeout(), relay.stallAfter());
    }

    private long unsent() {
        return database.count("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
