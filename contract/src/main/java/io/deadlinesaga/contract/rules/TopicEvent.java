package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.function.Function;

import io.deadlinesaga.contract.EventName;

/**
 * One event of an order as the topic holds it, with the few fields the rules read.
 *
 * @param type its type
 * @param eventId its eventId; the rules count an eventId seen twice once (a relay that sent again after a
 *        crash); null or empty when the reader has already dropped such copies
 * @param time when it was written to the topic, epoch ms
 * @param points of a PointUsed the points deducted, of a PointUseCompensated the points refunded; null when
 *        not known (or another type)
 * @param deadline of an OrderCreated its deadline, epoch ms (0 if it has none); 0 for another type
 */
public record TopicEvent(EventName type, String eventId, long time, BigDecimal points, long deadline) {

    public static TopicEvent of(EventName type, String eventId, long time) {
        return new TopicEvent(type, eventId, time, null, 0);
    }

    /**
     * An event with the fields the rules read taken from the wire (DESIGN §3): a PointUsed's {@code point}, a
     * PointUseCompensated's {@code refunded}, an OrderCreated's {@code deadline}. A field that is absent or not a
     * number counts as 0, whether the producer wrote it as a number or as a numeric string.
     *
     * @param field a field of the event's JSON by its name, as text; null when absent
     */
    public static TopicEvent fromWire(EventName type, String eventId, long time, Function<String, String> field) {
        TopicEvent event = of(type, eventId, time);
        return switch (type) {
            case POINT_USED -> event.withPoints(decimal(field.apply("point")));
            case POINT_USE_COMPENSATED -> event.withPoints(decimal(field.apply("refunded")));
            case ORDER_CREATED -> event.withDeadline(decimal(field.apply("deadline")).longValue());
            default -> event;
        };
    }

    public TopicEvent withPoints(BigDecimal points) {
        return new TopicEvent(type, eventId, time, points, deadline);
    }

    public TopicEvent withDeadline(long deadline) {
        return new TopicEvent(type, eventId, time, points, deadline);
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    boolean is(EventName name) {
        return type == name;
    }
}
