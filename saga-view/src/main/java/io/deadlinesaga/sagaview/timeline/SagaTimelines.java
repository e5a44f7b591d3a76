package io.deadlinesaga.sagaview.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.springframework.stereotype.Component;

/**
 * Every order's events in topic order, kept in memory. A record read twice (the view reads the topic from the
 * beginning after each restart or rebalance) is kept once: its partition and offset identify it.
 */
@Component
public class SagaTimelines {

    private final ConcurrentSkipListMap<Long, List<TimelineEntry>> byOrder = new ConcurrentSkipListMap<>();

    /** Adds a record's event; false if this record was already there. */
    public boolean add(long orderId, TimelineEntry entry) {
        List<TimelineEntry> events = byOrder.computeIfAbsent(orderId, id -> new ArrayList<>());
        synchronized (events) {
            boolean seen = events.stream().anyMatch(e -> e.partition() == entry.partition() && e.offset() == entry.offset());
            if (seen) {
                return false;
            }
            events.add(entry);
            events.sort(Comparator.comparingLong(TimelineEntry::offset));
        }
        return true;
    }

    public Optional<List<TimelineEntry>> eventsOf(long orderId) {
        List<TimelineEntry> events = byOrder.get(orderId);
        if (events == null) {
            return Optional.empty();
        }
        synchronized (events) {
            return Optional.of(List.copyOf(events));
        }
    }

    public List<Long> orderIds() {
        return List.copyOf(byOrder.keySet());
    }
}
