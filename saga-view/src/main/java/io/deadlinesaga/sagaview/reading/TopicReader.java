package io.deadlinesaga.sagaview.reading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventType;
import io.deadlinesaga.sagaview.audit.SagaVerdicts;
import io.deadlinesaga.sagaview.timeline.OrderEvent;
import io.deadlinesaga.sagaview.timeline.StoreWrites;
import io.deadlinesaga.sagaview.timeline.TimelineEntry;
import io.deadlinesaga.sagaview.timeline.Timelines;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the topic, and its dead-letter topic, with the view's own consumer group into the store, a polled batch
 * per transaction: the batch's events, the verdicts of the sagas it touches, and the position after it,
 * together. Given a partition, it goes on from the position stored with the last batch it committed, and from
 * the beginning only when none is stored, so a restart never reads the topic again. Records it cannot read are
 * logged and passed over; a dead letter of an order's event is kept as a {@code DeadLettered} entry of its saga.
 */
@Component
class TopicReader extends AbstractConsumerSeekAware {

    static final String LISTENER_ID = "saga-view";

    private static final Logger log = LoggerFactory.getLogger(TopicReader.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final List<String> ENVELOPE = List.of("eventType", "eventId", "orderId", "timestamp");
    private static final EventCodec CODEC = new EventCodec();

    private final Timelines timelines;
    private final SagaVerdicts verdicts;
    private final Positions positions;
    private final StoreWrites writes;
    private final Counter recordsRead;

    TopicReader(Timelines timelines, SagaVerdicts verdicts, Positions positions, StoreWrites writes,
            MeterRegistry meters) {
        this.timelines = timelines;
        this.verdicts = verdicts;
        this.positions = positions;
        this.writes = writes;
        this.recordsRead = Counter.builder("saga.view.records.read")
                .description("records of the topic the view has read and committed to its store").register(meters);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        Map<TopicPartition, Long> stored = positions.all();
        Map<TopicPartition, Long> resumed = new HashMap<>();
        List<TopicPartition> fromTheBeginning = new ArrayList<>();
        for (TopicPartition partition : assignments.keySet()) {
            Long next = stored.get(partition);
            if (next == null) {
                callback.seekToBeginning(partition.topic(), partition.partition());
                fromTheBeginning.add(partition);
            }
            else {
                callback.seek(partition.topic(), partition.partition(), next);
                resumed.put(partition, next);
            }
        }
        log.info("given partitions: going on from the positions stored {}, from the beginning on {}", resumed,
                fromTheBeginning);
    }

    @KafkaListener(id = LISTENER_ID, groupId = "${spring.application.name}", batch = "true",
            topics = {Wire.TOPIC_SETTING, Wire.TOPIC_SETTING + Wire.DEAD_LETTER_SUFFIX})
    void read(List<ConsumerRecord<String, String>> records) {
        List<Read> reads = records.stream().map(TopicReader::read).toList();
        long now = System.currentTimeMillis();
        writes.inTransaction(() -> {
            Map<TopicPartition, Long> stored = positions.all();
            Map<TopicPartition, Long> next = new HashMap<>();
            List<OrderEvent> events = new ArrayList<>();
            for (Read read : reads) {
                // a record before the stored position is in the store already: kept once, however often it is read
                if (read.offset() >= stored.getOrDefault(read.partition(), 0L)) {
                    read.event().ifPresent(events::add);
                    next.merge(read.partition(), read.offset() + 1, Math::max);
                }
            }
            // the sagas the batch touches, each with its events stored before and those of the batch, in topic order
            Set<Long> touched = new LinkedHashSet<>();
            events.forEach(event -> touched.add(event.orderId()));
            Map<Long, List<TimelineEntry>> sagas = timelines.eventsOf(touched);
            events.forEach(event -> sagas.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event.entry()));
            sagas.values().forEach(timeline -> timeline.sort(TimelineEntry.TOPIC_ORDER));
            timelines.append(events);
            verdicts.judge(sagas, now);
            positions.advance(next);
        });
        recordsRead.increment(records.size());
    }

    private static Read read(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        return new Read(partition, record.offset(), follow(record));
    }

    private static Optional<OrderEvent> follow(ConsumerRecord<String, String> record) {
        try {
            Header header = record.headers().lastHeader(Wire.TYPE_HEADER);
            String type = CODEC.typeOf(header == null ? null : header.value(), record.value())
                    .map(EventType::wireName).orElse(null);
            JsonNode json = JSON.readTree(record.value());
            long orderId = json.path("orderId").asLong(0);
            if (type == null || orderId <= 0 || !(json instanceof ObjectNode object)) {
                log.warn("skipped a record it cannot follow: partition={} offset={} key={}", record.partition(),
                        record.offset(), record.key());
                return Optional.empty();
            }
            if (record.topic().endsWith(Wire.DEAD_LETTER_SUFFIX)) {
                return Optional.of(new OrderEvent(orderId, deadLetter(record, type)));
            }
            String eventId = object.path("eventId").asString("");
            object.remove(ENVELOPE);
            return Optional.of(new OrderEvent(orderId, TimelineEntry.of(type, record.partition(), record.offset(),
                    record.timestamp(), eventId, object)));
        }
        catch (RuntimeException ex) {
            log.warn("skipped an unreadable record partition={} offset={}: {}", record.partition(), record.offset(),
                    ex.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A dead letter of the order: which of its events failed for good, and why. It has no eventId of its own (the
     * record repeats the failed event's), so it never passes for that event.
     */
    private static TimelineEntry deadLetter(ConsumerRecord<String, String> record, String type) {
        Header error = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        ObjectNode fields = JSON.createObjectNode().put("eventType", type)
                .put("error", error == null ? "" : new String(error.value(), StandardCharsets.UTF_8));
        return TimelineEntry.of(TimelineEntry.DEAD_LETTERED, record.partition(), record.offset(), record.timestamp(),
                "", fields);
    }

    /** A record as read: where it is, and its event if the view can follow it. */
    private record Read(TopicPartition partition, long offset, Optional<OrderEvent> event) {
    }
}
