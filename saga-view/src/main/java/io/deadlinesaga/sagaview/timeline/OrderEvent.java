package io.deadlinesaga.sagaview.timeline;

/**
 * An event as the view stores it: the order it belongs to, and the event as it sits on the topic.
 *
 * @param orderId the order
 * @param entry the event
 */
public record OrderEvent(long orderId, TimelineEntry entry) {
}
