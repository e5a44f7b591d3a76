package io.deadlinesaga.messaging.inbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.TestSettings;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.event.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;

import static io.deadlinesaga.messaging.inbox.ConvoyTest.placed;
import static io.deadlinesaga.messaging.inbox.ConvoyTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InboxListenerTest {

    private final ReceivingSide service = new ReceivingSide(TestSettings.convoy());
    private final EventCodec codec = new EventCodec();
    private long nextOffset;

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void handlesABatchOnReceiptAndTheSameEventInItOnce() {
        // given
        SagaEvent first = placed(7);
        SagaEvent second = rejected(7);
        SagaEvent ofAnotherOrder = placed(8);

        // when
        service.listener.receive(List.of(record(first), record(ofAnotherOrder), record(first), record(second)));

        // then
        assertThat(service.handlers.eventIdsOf(7)).containsExactly(first.eventId(), second.eventId());
        assertThat(service.handlers.eventIdsOf(8)).containsExactly(ofAnotherOrder.eventId());
        assertThat(service.inboxRows()).isEqualTo(3);
    }

    @Test
    void handlesTheSameEventInTwoBatchesOnce() {
        // given
        SagaEvent event = placed(7);
        service.listener.receive(List.of(record(event)));

        // when
        service.listener.receive(List.of(record(event)));

        // then
        assertThat(service.handlers.eventIdsOf(7)).containsExactly(event.eventId());
    }

    @Test
    void storesTheRecordsBeforeAnUnreadableOneAndReportsItForTheDeadLetterTopic() {
        // given
        SagaEvent before = placed(7);
        ConsumerRecord<String, String> unreadable = record("8", "OrderPlaced", "{\"eventType\":\"OrderPlaced\",");
        SagaEvent after = placed(9);

        // when
        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> service.listener.receive(List.of(record(before), unreadable, record(after))));

        // then: the error handler dead-letters the record at that index, and the ones after it are read again
        assertThat(failed.getIndex()).isEqualTo(1);
        assertThat(failed.getCause()).isInstanceOf(UnreadableEventException.class);
        assertThat(service.status(before)).isEqualTo("DONE");
        assertThat(service.status(after)).isNull();
    }

    @Test
    void reportsARecordWithNeitherATypeHeaderNorAnEventTypeAsUnreadable() {
        // given
        ConsumerRecord<String, String> untyped = record("7", null, "{\"orderId\":7}");

        // when
        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> service.listener.receive(List.of(untyped)));

        // then
        assertThat(failed.getIndex()).isZero();
        assertThat(failed.getCause()).isInstanceOf(UnreadableEventException.class);
        assertThat(service.inboxRows()).isZero();
    }

    @Test
    void readsTheEventTypeFromThePayloadWhenTheRecordHasNoTypeHeader() {
        // given
        SagaEvent event = placed(7);

        // when
        service.listener.receive(List.of(record("7", null, codec.toJson(event))));

        // then
        assertThat(service.handlers.eventIdsOf(7)).containsExactly(event.eventId());
    }

    @Test
    void ignoresRecordsOfUnknownTypesAndOfTypesTheServiceDoesNotHandle() {
        // given
        SagaEvent notHandledHere = ExchangeSucceed.of(7, "holder-7", 1, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN);
        ConsumerRecord<String, String> unknown = record("7", "Gossip", "{\"eventType\":\"Gossip\"}");

        // when
        service.listener.receive(List.of(record(notHandledHere), unknown));

        // then
        assertThat(service.handlers.handled()).isEmpty();
        assertThat(service.inboxRows()).isZero();
    }

    @Test
    void waitListsAnOrderWhoseHandlerFailedAndHandlesTheBatchsOtherOrdersOnReceipt() {
        // given
        service.handlers.failNext(7, 1);
        SagaEvent failing = placed(7);
        SagaEvent behindTheFailingOne = rejected(7);
        SagaEvent before = placed(6);
        SagaEvent after = placed(8);

        // when
        service.listener.receive(List.of(record(before), record(failing), record(behindTheFailingOne), record(after)));

        // then: the failed order waits for the convoy, which retries it
        assertThat(service.status(failing)).isEqualTo("PENDING");
        assertThat(service.status(behindTheFailingOne)).isEqualTo("PENDING");
        assertThat(service.status(before)).isEqualTo("DONE");
        assertThat(service.status(after)).isEqualTo("DONE");
        assertThat(service.handlers.eventIdsOf(7)).isEmpty();
    }

    private ConsumerRecord<String, String> record(SagaEvent event) {
        return record(Long.toString(event.orderId()), event.eventType(), codec.toJson(event));
    }

    private ConsumerRecord<String, String> record(String key, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Wire.TOPIC, 0, nextOffset++, key, value);
        if (type != null) {
            record.headers().add(Wire.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
