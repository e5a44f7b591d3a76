package io.deadlinesaga.messaging.inbox;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.SagaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.annotation.Transactional;

/** Writes received events to the inbox, once per eventId, whatever Kafka redelivers. */
class InboxStore {

    private static final Logger log = LoggerFactory.getLogger(InboxStore.class);

    private final InboxRepository repository;
    private final EventCodec codec;

    InboxStore(InboxRepository repository, EventCodec codec) {
        this.repository = repository;
        this.codec = codec;
    }

    /** Stores the events not seen before and returns the orders they belong to. */
    @Transactional
    public Set<Long> storeNew(List<SagaEvent> events) {
        Set<String> known = new HashSet<>(repository.findKnownEventIds(events.stream().map(SagaEvent::eventId).toList()));
        Set<Long> orders = new LinkedHashSet<>();
        long now = System.currentTimeMillis();
        for (SagaEvent event : events) {
            if (known.contains(event.eventId())) {
                log.info("orderId={} eventId={} eventType={} duplicate dropped", event.orderId(), event.eventId(),
                        event.eventType());
                continue;
            }
            repository.save(new InboxEvent(event.eventId(), event.orderId(), event.eventType(), codec.toJson(event), now));
            orders.add(event.orderId());
        }
        return orders;
    }
}
