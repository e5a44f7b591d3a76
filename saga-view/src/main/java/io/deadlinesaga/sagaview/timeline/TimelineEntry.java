package io.deadlinesaga.sagaview.timeline;

import java.math.BigDecimal;
import java.util.Comparator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

/**
 * One event of an order as it sits on the topic.
 *
 * @param type the event type ({@code OrderCreated} …)
 * @param service the service that produced it
 * @param partition the partition it is on (the same for every event of an order)
 * @param offset its offset in that partition: the order of an order's events
 * @param time when it was written to the topic, epoch ms
 * @param eventId its eventId
 * @param fields its own fields beyond the envelope (reason, point, refunded, …)
 */
public record TimelineEntry(String type, String service, int partition, long offset, long time, String eventId,
        JsonNode fields) {

    /** Topic order: by partition (an order's events share one), then offset. */
    public static final Comparator<TimelineEntry> TOPIC_ORDER = Comparator.comparing(TimelineEntry::isDeadLetter)
            .thenComparingInt(TimelineEntry::partition).thenComparingLong(TimelineEntry::offset);

    /** The type of an entry read from the dead-letter topic: an event of the order that failed for good. */
    public static final String DEAD_LETTERED = "DeadLettered";

    /** An event of this type, said to come from the service that produces that type. */
    public static TimelineEntry of(String type, int partition, long offset, long time, String eventId, JsonNode fields) {
        return new TimelineEntry(type, Producers.of(type), partition, offset, time, eventId, fields);
    }

    /** Whether it was read from the dead-letter topic (after every event of the saga's own topic). */
    @JsonIgnore
    public boolean isDeadLetter() {
        return DEAD_LETTERED.equals(type);
    }

    public boolean is(String eventType) {
        return type.equals(eventType);
    }

    /** A decimal field, whether the producer wrote it as a number or as a numeric string; 0 if absent. */
    public BigDecimal decimal(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asString());
        }
        catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    public String text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
