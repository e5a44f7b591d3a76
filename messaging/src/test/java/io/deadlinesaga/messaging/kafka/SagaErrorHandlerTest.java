package io.deadlinesaga.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.UnreadableEventException;
import io.deadlinesaga.messaging.outbox.RecordingBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What becomes of the record a batch listener reports unreadable: the error policy every listener has. */
class SagaErrorHandlerTest {

    private static final TopicPartition PARTITION = new TopicPartition(Wire.TOPIC, 3);

    private final RecordingBroker broker = new RecordingBroker();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final MessagingProperties properties = TestSettings.with(TestSettings.convoy());
    private final CommonErrorHandler errorHandler = new KafkaMessagingConfiguration()
            .sagaErrorHandler(broker.template(), properties, meters);

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAtOnceAndReadsTheRecordsAfterItAgain() {
        // given: the listener stored the record at offset 10 and found the one at 11 unreadable
        List<ConsumerRecord<String, String>> batch = List.of(record(10, "{\"eventType\":\"OrderPlaced\"}"),
                record(11, "not json"), record(12, "{\"eventType\":\"OrderPlaced\"}"));
        MockConsumer<String, String> consumer = consumerAt(10);
        BatchListenerFailedException failure = new BatchListenerFailedException("not JSON",
                new UnreadableEventException("not JSON"), 1);

        // when
        Throwable seekToCurrent = catchThrowable(() -> errorHandler.handleBatchAndReturnRemaining(failure,
                new ConsumerRecords<>(Map.of(PARTITION, batch), Map.of()), consumer, container(), () -> { }));

        // then: the container learns that the consumer was moved back, to read what follows the dead letter again
        assertThat(seekToCurrent).isInstanceOf(KafkaException.class).hasMessageContaining("Seek to current");
        assertThat(broker.records()).hasSize(1);
        ProducerRecord<String, String> deadLetter = broker.records().get(0);
        assertThat(deadLetter.topic()).isEqualTo(Wire.deadLetterTopic(Wire.TOPIC));
        assertThat(deadLetter.partition()).isEqualTo(PARTITION.partition());
        assertThat(deadLetter.value()).isEqualTo("not json");
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                StandardCharsets.UTF_8)).contains("not JSON");
        assertThat(consumer.position(PARTITION)).isEqualTo(12);
        assertThat(meters.counter("saga.messaging.dead.letters", "cause", "unreadable").count()).isEqualTo(1);
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "7", value);
    }

    private static MockConsumer<String, String> consumerAt(long offset) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.seek(PARTITION, offset);
        return consumer;
    }

    private static MessageListenerContainer container() {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(Wire.TOPIC));
        return container;
    }
}
