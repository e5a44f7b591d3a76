package io.deadlinesaga.sagaview.timeline;

import java.util.List;
import java.util.Map;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventType;
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
import org.springframework.stereotype.Component;

/**
 * Reads the whole topic with the view's own consumer group, from the beginning every time it is given a
 * partition, so the timelines are rebuilt after a restart. Records it cannot read are logged and skipped.
 */
@Component
class TopicReader extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(TopicReader.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final SagaTimelines timelines;
    private final EventCodec codec = new EventCodec();

    TopicReader(SagaTimelines timelines) {
        this.timelines = timelines;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToBeginning(assignments.keySet());
    }

    @KafkaListener(id = "saga-view", groupId = "${spring.application.name}",
            topics = "${saga.messaging.topic:choreography.deadline}")
    void read(ConsumerRecord<String, String> record) {
        try {
            Header header = record.headers().lastHeader("type");
            String type = codec.typeOf(header == null ? null : header.value(), record.value())
                    .map(EventType::wireName).orElse(null);
            JsonNode json = JSON.readTree(record.value());
            long orderId = json.path("orderId").asLong(0);
            if (type == null || orderId <= 0) {
                log.warn("skipped a record it cannot follow: partition={} offset={} key={}", record.partition(),
                        record.offset(), record.key());
                return;
            }
            ObjectNode fields = ((ObjectNode) json).deepCopy();
            fields.remove(List.of("eventType", "eventId", "orderId", "timestamp"));
            timelines.add(orderId, new TimelineEntry(type, Producers.of(type), record.partition(), record.offset(),
                    record.timestamp(), json.path("eventId").asString(""), fields));
        }
        catch (RuntimeException ex) {
            log.warn("skipped an unreadable record partition={} offset={}: {}", record.partition(), record.offset(),
                    ex.getMessage());
        }
    }
}
