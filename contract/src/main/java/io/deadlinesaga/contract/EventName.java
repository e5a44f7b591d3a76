package io.deadlinesaga.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types of the wire contract (DESIGN §3): the name on the wire and in the {@code type} header, and the
 * service that produces it.
 */
public enum EventName {
    ORDER_CREATED("OrderCreated", "order"),
    EXCHANGE_SUCCEED("ExchangeSucceed", "exchange"),
    EXCHANGE_FAILED("ExchangeFailed", "exchange"),
    POINT_USED("PointUsed", "point"),
    POINT_USE_FAILED("PointUseFailed", "point"),
    ORDER_PLACED("OrderPlaced", "order"),
    ORDER_REJECTED("OrderRejected", "order"),
    DEADLINE_REACHED("DeadlineReached", "deadline"),
    EXCHANGE_COMPENSATED("ExchangeCompensated", "exchange"),
    POINT_USE_COMPENSATED("PointUseCompensated", "point");

    private static final Map<String, EventName> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventName::wireName, Function.identity()));

    private final String wireName;
    private final String producer;

    EventName(String wireName, String producer) {
        this.wireName = wireName;
        this.producer = producer;
    }

    public String wireName() {
        return wireName;
    }

    /** The service that produces events of this type: order, exchange, point or deadline. */
    public String producer() {
        return producer;
    }

    /** The type of this wire name; empty for a name the contract does not have (or null). */
    public static Optional<EventName> ofWireName(String wireName) {
        return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
