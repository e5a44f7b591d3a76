package io.deadlinesaga.sagaview.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.deadlinesaga.sagaview.timeline.TimelineEntry;

/** An order's events as text, one readable line each, for {@code ./saga events}. */
final class TimelineText {

    private TimelineText() {
    }

    static String of(long orderId, List<TimelineEntry> timeline) {
        long start = timeline.isEmpty() ? 0 : timeline.get(0).time();
        return timeline.stream().map(event -> line(orderId, start, event)).collect(Collectors.joining());
    }

    private static String line(long orderId, long start, TimelineEntry event) {
        String fields = event.fields().properties().stream()
                .map((Map.Entry<String, ?> field) -> field.getKey() + "=" + text(field.getValue()))
                .collect(Collectors.joining(" "));
        return String.format("%s  order %d  %+8.3fs  %-9s %-20s %s  [partition %d, offset %d]%n",
                Instant.ofEpochMilli(event.time()), orderId, (event.time() - start) / 1000.0, event.service(),
                event.type(), fields, event.partition(), event.offset());
    }

    private static String text(Object value) {
        String text = String.valueOf(value);
        return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
