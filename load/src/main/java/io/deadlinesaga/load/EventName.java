package io.deadlinesaga.load;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the wire contract, by the name in their {@code type} header. */
enum EventName {
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

    private final String wireName;

    EventName(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<EventName> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(name -> name.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
