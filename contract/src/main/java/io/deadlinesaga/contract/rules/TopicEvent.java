package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;

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

    public TopicEvent withPoints(BigDecimal points) {
        return new TopicEvent(type, eventId, time, points, deadline);
    }

    public TopicEvent withDeadline(long deadline) {
        return new TopicEvent(type, eventId, time, points, deadline);
    }

    boolean is(EventName name) {
        return type == name;
    }
}
