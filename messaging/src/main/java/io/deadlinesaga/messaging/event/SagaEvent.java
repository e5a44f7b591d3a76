package io.deadlinesaga.messaging.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One fact on the topic {@code choreography.deadline}. On the wire it is flat JSON: the envelope fields
 * {@code eventType}, {@code eventId}, {@code orderId}, {@code timestamp}, then the event's own fields. The
 * record key is the orderId, so every event of one order is read in one order by every service.
 */
@JsonPropertyOrder({"eventType", "eventId", "orderId", "timestamp"})
public sealed interface SagaEvent permits OrderCreated, ExchangeSucceed, ExchangeFailed, PointUsed,
        PointUseFailed, OrderPlaced, OrderRejected, DeadlineReached, ExchangeCompensated, PointUseCompensated {

    /** Unique per event; the deduplication key of every consumer. */
    String eventId();

    /** The order this event belongs to; also the Kafka record key. */
    long orderId();

    /** When the producer created the event, epoch milliseconds. Informational only: no rule reads it. */
    long timestamp();

    /** The stable name on the wire ({@code OrderCreated} …), never a Java class name. */
    @JsonProperty(value = "eventType", access = JsonProperty.Access.READ_ONLY)
    default String eventType() {
        return EventType.of(getClass()).wireName();
    }
}
