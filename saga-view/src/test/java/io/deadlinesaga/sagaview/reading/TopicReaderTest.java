package io.deadlinesaga.sagaview.reading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.deadlinesaga.contract.rules.Verdict;
import io.deadlinesaga.sagaview.ViewStore;
import io.deadlinesaga.sagaview.audit.AuditSettings;
import io.deadlinesaga.sagaview.audit.Auditor;
import io.deadlinesaga.sagaview.audit.SagaVerdicts;
import io.deadlinesaga.sagaview.audit.StoredVerdict;
import io.deadlinesaga.sagaview.timeline.StoreWrites;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import io.deadlinesaga.sagaview.timeline.Timelines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

import static io.deadlinesaga.sagaview.Records.TOPIC;
import static io.deadlinesaga.sagaview.Records.aPointUsed;
import static io.deadlinesaga.sagaview.Records.anExchangeSucceed;
import static io.deadlinesaga.sagaview.Records.anOrderCreated;
import static io.deadlinesaga.sagaview.Records.anOrderPlaced;
import static io.deadlinesaga.sagaview.Records.garbage;
import static io.deadlinesaga.sagaview.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The topic into the store, a batch per transaction, without Spring: an in-memory H2 and records made by hand. */
class TopicReaderTest {

    private static final long DEADLINE = System.currentTimeMillis() + 60_000;

    private final ViewStore store = new ViewStore();
    private final Timelines timelines = new Timelines(store.jdbc());
    private final SagaVerdicts verdicts = new SagaVerdicts(store.jdbc(),
            new Auditor(new AuditSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1))));
    private final Positions positions = new Positions(store.jdbc());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopicReader reader = new TopicReader(timelines, verdicts, positions,
            new StoreWrites(store.transactions()), meters);

    @Test
    void storesABatchsEventsTheirSagasVerdictsAndThePositionAfterIt() {
        // given
        List<ConsumerRecord<String, String>> batch = List.of(record(0, 0, anOrderCreated(7, DEADLINE)),
                record(1, 0, anOrderCreated(8, DEADLINE)), record(0, 1, anExchangeSucceed(7)));

        // when
        reader.read(batch);

        // then
        assertThat(types(7)).containsExactly("OrderCreated", "ExchangeSucceed");
        assertThat(types(8)).containsExactly("OrderCreated");
        assertThat(verdicts.page(Optional.of(Verdict.IN_PROGRESS), 0, 50)).extracting(StoredVerdict::orderId)
                .containsExactly(8L, 7L);
        assertThat(positions.all()).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), 2L, new TopicPartition(TOPIC, 1), 1L));
        assertThat(meters.counter("saga.view.records.read").count()).isEqualTo(3);
    }

    @Test
    void keepsARecordReadTwiceOnce() {
        // given
        List<ConsumerRecord<String, String>> batch = List.of(record(0, 0, anOrderCreated(7, DEADLINE)),
                record(0, 1, anExchangeSucceed(7)));
        reader.read(batch);

        // when: the same records again, as after a rebalance before Kafka's offsets were committed
        reader.read(batch);
        reader.read(List.of(batch.get(1), record(0, 2, aPointUsed(7))));

        // then
        assertThat(types(7)).containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed");
        assertThat(positions.all()).containsEntry(new TopicPartition(TOPIC, 0), 3L);
    }

    @Test
    void auditsAnOrderWhoseEventsComeInTwoBatchesFromAllItsEvents() {
        // given
        reader.read(List.of(record(2, 10, anOrderCreated(7, DEADLINE)), record(2, 11, anExchangeSucceed(7))));

        // when
        reader.read(List.of(record(2, 12, aPointUsed(7)), record(2, 13, anOrderPlaced(7))));

        // then
        StoredVerdict stored = verdicts.page(Optional.empty(), 0, 50).get(0);
        assertThat(stored.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(stored.order()).isEqualTo("APPROVED");
    }

    @Test
    void passesOverARecordItCannotReadAndGoesOnAfterIt() {
        // when
        reader.read(List.of(garbage(0, 0), record(0, 1, anOrderCreated(7, DEADLINE))));

        // then
        assertThat(types(7)).containsExactly("OrderCreated");
        assertThat(positions.all()).containsEntry(new TopicPartition(TOPIC, 0), 2L);
    }

    @Test
    void goesOnFromTheStoredPositionOfEachPartitionItIsGivenAndFromTheBeginningWhereNoneIsStored() {
        // given
        reader.read(List.of(record(0, 0, anOrderCreated(7, DEADLINE)), record(0, 1, anExchangeSucceed(7))));
        Seeks seeks = new Seeks();

        // when
        reader.onPartitionsAssigned(Map.of(new TopicPartition(TOPIC, 0), 0L, new TopicPartition(TOPIC, 1), 0L), seeks);

        // then
        assertThat(seeks.done).containsExactlyInAnyOrder(TOPIC + "-0 to 2", TOPIC + "-1 to the beginning");
    }

    private List<String> types(long orderId) {
        return timelines.eventsOf(orderId).orElseThrow().stream().map(TimelineEntry::type).toList();
    }

    /** The seeks asked of the consumer. */
    private static final class Seeks implements ConsumerSeekCallback {

        final List<String> done = new ArrayList<>();

        @Override
        public void seek(String topic, int partition, long offset) {
            done.add(topic + "-" + partition + " to " + offset);
        }

        @Override
        public void seek(String topic, int partition, Function<Long, Long> offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekToBeginning(String topic, int partition) {
            done.add(topic + "-" + partition + " to the beginning");
        }

        @Override
        public void seekToEnd(String topic, int partition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekRelative(String topic, int partition, long offset, boolean toCurrent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekToTimestamp(String topic, int partition, long timestamp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekToTimestamp(Collection<TopicPartition> partitions, long timestamp) {
            throw new UnsupportedOperationException();
        }
    }
}
