package io.deadlinesaga.messaging.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.support.ThrottledLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.annotation.Transactional;

/**
 * Writes received events to the inbox, once per eventId, whatever Kafka redelivers; and handles at once, in
 * the same transaction, those whose order has nothing older waiting. A polled batch so costs one commit
 * however many events it holds, which is what lets a service keep up when events arrive faster than the
 * database commits.
 */
class InboxStore {

    private static final Logger log = LoggerFactory.getLogger(InboxStore.class);

    private final ThrottledLog duplicates = new ThrottledLog(log);

    private final InboxRepository repository;
    private final HandlerRegistry handlers;
    private final EventCodec codec;

    InboxStore(InboxRepository repository, HandlerRegistry handlers, EventCodec codec) {
        this.repository = repository;
        this.handlers = handlers;
        this.codec = codec;
    }

    /** Stores the events not seen before, all PENDING for the {@link Convoy}, and returns their orders. */
    @Transactional
    public Set<Long> storeNew(List<SagaEvent> events) {
        return receive(events, orderId -> true);
    }

    /**
     * Stores the events not seen before; one whose order has no older event pending, no lane running and is
     * not {@code wait}-listed is handled now and stored DONE, the others are stored PENDING for the
     * {@link Convoy}. If a handler fails, its {@link HandlerFailed} rolls back the whole list: the caller
     * tries again with that order wait-listed, so the failure is retried by the convoy, with backoff.
     *
     * @return the orders with events left PENDING
     */
    @Transactional
    public Set<Long> receive(List<SagaEvent> events, LongPredicate wait) {
        List<String> eventIds = events.stream().map(SagaEvent::eventId).toList();
        Set<String> known = new HashSet<>(repository.findKnownEventIds(eventIds));
        Set<Long> pending = new LinkedHashSet<>(
                repository.findOrdersWithPendingEvents(events.stream().map(SagaEvent::orderId).distinct().toList()));
        List<InboxEvent> stored = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            SagaEvent event = events.get(index);
            if (!known.add(event.eventId())) {
                duplicates.info("duplicate", "orderId={} eventId={} eventType={} duplicate dropped", event.orderId(),
                        event.eventId(), event.eventType());
                continue;
            }
            long receivedAt = System.currentTimeMillis();
            if (pending.contains(event.orderId()) || wait.test(event.orderId())) {
                pending.add(event.orderId());
                stored.add(new InboxEvent(event.eventId(), event.orderId(), event.eventType(), codec.toJson(event),
                        receivedAt));
                continue;
            }
            handle(event, index, receivedAt);
            stored.add(InboxEvent.handledOnReceipt(event.eventId(), event.orderId(), event.eventType(), receivedAt,
                    System.currentTimeMillis()));
        }
        repository.insert(stored);
        return pending;
    }

    private void handle(SagaEvent event, int index, long receivedAt) {
        try {
            handlers.dispatch(event, new Delivery(1, receivedAt));
        }
        catch (RuntimeException | Error ex) {
            // an Error too: thrown out of the listener it would stop the container
            throw new HandlerFailed(event.orderId(), index, ex);
        }
        log.debug("orderId={} eventId={} eventType={} handled on receipt", event.orderId(), event.eventId(),
                event.eventType());
    }

    /** A handler failed while a batch was handled on receipt; the batch is rolled back. */
    static final class HandlerFailed extends RuntimeException {

        private final long orderId;
        private final int index;

        HandlerFailed(long orderId, int index, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.orderId = orderId;
            this.index = index;
        }

        long orderId() {
            return orderId;
        }

        /** the failed event's position in the list given to {@link #receive} */
        int index() {
            return index;
        }
    }
}
