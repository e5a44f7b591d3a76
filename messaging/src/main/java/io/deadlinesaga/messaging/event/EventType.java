package io.deadlinesaga.messaging.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.deadlinesaga.contract.EventName;

/** The contract's event types: the name on the wire (and in the {@code type} header) and the record it maps to. */
public enum EventType {
    ORDER_CREATED(EventName.ORDER_CREATED, OrderCreated.class),
    EXCHANGE_SUCCEED(EventName.EXCHANGE_SUCCEED, ExchangeSucceed.class),
    EXCHANGE_FAILED(EventName.EXCHANGE_FAILED, ExchangeFailed.class),
    POINT_USED(EventName.POINT_USED, PointUsed.class),
    POINT_USE_FAILED(EventName.POINT_USE_FAILED, PointUseFailed.class),
    ORDER_PLACED(EventName.ORDER_PLACED, OrderPlaced.class),
    ORDER_REJECTED(EventName.ORDER_REJECTED, OrderRejected.class),
    DEADLINE_REACHED(EventName.DEADLINE_REACHED, DeadlineReached.class),
    EXCHANGE_COMPENSATED(EventName.EXCHANGE_COMPENSATED, ExchangeCompensated.class),
    POINT_USE_COMPENSATED(EventName.POINT_USE_COMPENSATED, PointUseCompensated.class);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final EventName name;
    private final Class<? extends SagaEvent> javaType;

    EventType(EventName name, Class<? extends SagaEvent> javaType) {
        this.name = name;
        this.javaType = javaType;
    }

    public String wireName() {
        return name.wireName();
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
