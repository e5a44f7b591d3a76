package io.deadlinesaga.messaging.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The contract's event types: the name on the wire (and in the {@code type} header) and the record it maps to. */
public enum EventType {
    ORDER_CREATED("OrderCreated", OrderCreated.class),
    EXCHANGE_SUCCEED("ExchangeSucceed", ExchangeSucceed.class),
    EXCHANGE_FAILED("ExchangeFailed", ExchangeFailed.class),
    POINT_USED("PointUsed", PointUsed.class),
    POINT_USE_FAILED("PointUseFailed", PointUseFailed.class),
    ORDER_PLACED("OrderPlaced", OrderPlaced.class),
    ORDER_REJECTED("OrderRejected", OrderRejected.class),
    DEADLINE_REACHED("DeadlineReached", DeadlineReached.class),
    EXCHANGE_COMPENSATED("ExchangeCompensated", ExchangeCompensated.class),
    POINT_USE_COMPENSATED("PointUseCompensated", PointUseCompensated.class);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String wireName;
    private final Class<? extends SagaEvent> javaType;

    EventType(String wireName, Class<? extends SagaEvent> javaType) {
        this.wireName = wireName;
        this.javaType = javaType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends SagaEvent> javaType() {
        return javaType;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
    }

    public static EventType of(Class<?> javaType) {
        EventType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not an event of the contract: " + javaType.getName());
        }
        return type;
    }
}
