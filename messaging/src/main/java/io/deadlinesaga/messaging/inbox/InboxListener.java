package io.deadlinesaga.messaging.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventType;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.event.UnreadableEventException;
import io.deadlinesaga.messaging.outbox.OutboxRelay;
import io.deadlinesaga.messaging.support.ThrottledLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Takes records off the topic and stores the events this service handles in its inbox, handling at once
 * those whose order has nothing waiting (see {@link InboxStore#receive}); the orders left waiting go to the
 * {@link Convoy}. A handler that fails or must wait never holds the consumer: its order is wait-listed. An
 * unreadable record is reported to the error handler, which dead-letters it; the records before it are
 * stored first, and the ones after it are read again.
 */
class InboxListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final ThrottledLog ignored = new ThrottledLog(log);

    private final InboxStore store;
    private final HandlerRegistry handlers;
    private final EventCodec codec;
    private final Convoy convoy;

    InboxListener(InboxStore store, HandlerRegistry handlers, EventCodec codec, Convoy convoy) {
        this.store = store;
        this.handlers = handlers;
        this.codec = codec;
        this.convoy = convoy;
    }

    @KafkaListener(id = "${spring.application.name}-inbox", groupId = "${spring.application.name}",
            topics = Wire.TOPIC_SETTING, batch = "true")
    void receive(List<ConsumerRecord<String, String>> records) {
        Map<String, SagaEvent> wanted = new LinkedHashMap<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, String> record = records.get(index);
            try {
                read(record).ifPresent(event -> wanted.putIfAbsent(event.eventId(), event));
            }
            catch (UnreadableEventException ex) {
                storeAndWake(new ArrayList<>(wanted.values()));
                log.warn("unreadable record partition={} offset={} key={}: {}", record.partition(), record.offset(),
                        record.key(), ex.getMessage());
                throw new BatchListenerFailedException(ex.getMessage(), ex, index);
            }
        }
        storeAndWake(new ArrayList<>(wanted.values()));
    }

    private Optional<SagaEvent> read(ConsumerRecord<String, String> record) {
        Header typeHeader = record.headers().lastHeader(Wire.TYPE_HEADER);
        Optional<EventType> type = codec.typeOf(typeHeader == null ? null : typeHeader.value(), record.value());
        if (type.isEmpty()) {
            ignored.warn("unknown event type", "ignored record of unknown event type partition={} offset={} key={}",
                    record.partition(), record.offset(), record.key());
            return Optional.empty();
        }
        if (!handlers.handles(type.get())) {
            return Optional.empty();
        }
        return Optional.of(codec.fromJson(type.get(), record.value()));
    }

    /**
     * Handles the batch on receipt, in as few transactions as it takes. When a handler fails, the transaction
     * is rolled back, the failed order is wait-listed (its events go to the convoy, which retries with
     * backoff), the events up to the failed one are handled again and committed, and the rest goes on in a
     * new transaction: each failure costs one rollback, never the whole batch. On any other failure every
     * remaining event is only stored, and the convoy handles them one by one.
     */
    private void storeAndWake(List<SagaEvent> events) {
        Set<Long> waitListed = new HashSet<>();
        LongPredicate waits = orderId -> waitListed.contains(orderId) || convoy.isDraining(orderId);
        List<SagaEvent> rest = events;
        int end = rest.size();
        while (!rest.isEmpty()) {
            try {
                convoy.wake(store.receive(rest.subList(0, end), waits));
                rest = rest.subList(end, rest.size());
                end = rest.size();
            }
            catch (InboxStore.HandlerFailed failed) {
                waitListed.add(failed.orderId());
                end = failed.index() + 1;
            }
            catch (RuntimeException ex) {
                log.info("{} events could not be handled on receipt, the convoy handles them: {}", rest.size(),
                        ex.toString());
                convoy.wake(store.storeNew(rest));
                return;
            }
        }
    }
}
