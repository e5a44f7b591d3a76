package io.deadlinesaga.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of the wire contract (DESIGN §3): the name on the wire and in the {@code type} header. */
public enum EventName {
    ORDER_CREATED("OrderCreated"),
    EXCHANGE_SUCCEED("ExchangeSucceed"),
    EXCHANGE_FAILED("ExchangeFailed"),
    POINT_USED("PointUsed"),
    POINT_USE_FAILED("PointUseFailed"),
    ORDER_PLACED("OrderPlaced"),
    ORDER_REJECTED("OrderRejected"),
    DEADLINE_REACHED("DeadlineReached"),
    EXCHANGE_COMPENSATED("ExchangeCompensated"),
    POINT_USE_COMPENSATED("PointUseCompensated");

    private static final Map<String, EventName> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventName::wireName, Function.identity()));

    private final String wireName;

    EventName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
