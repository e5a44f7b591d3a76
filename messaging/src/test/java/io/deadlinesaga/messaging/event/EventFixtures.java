package io.deadlinesaga.messaging.event;

import java.math.BigDecimal;
import java.util.stream.Stream;

/** One event of each type with every field set, decimals included, as a producer would build it. */
final class EventFixtures {

    static final long ORDER_ID = 7;
    static final String HOLDER = "jjy";
    static final long DEADLINE = 1_666_666_409_668L;

    private EventFixtures() {
    }

    static OrderCreated anOrderCreated() {
        return OrderCreated.of(ORDER_ID, HOLDER, 1, new BigDecimal("500.25"), DEADLINE);
    }

    static ExchangeSucceed anExchangeSucceed() {
        return ExchangeSucceed.of(ORDER_ID, HOLDER, 1, new BigDecimal("500.25"), new BigDecimal("1.1"),
                new BigDecimal("550.275"));
    }

    static ExchangeFailed anExchangeFailed() {
        return ExchangeFailed.of(ORDER_ID, HOLDER, "NO_RATE");
    }

    static PointUsed aPointUsed() {
        return PointUsed.of(ORDER_ID, HOLDER, new BigDecimal("550.275"), new BigDecimal("9449.725"));
    }

    static PointUseFailed aPointUseFailed() {
        return PointUseFailed.of(ORDER_ID, HOLDER, "INSUFFICIENT_POINTS");
    }

    static OrderPlaced anOrderPlaced() {
        return OrderPlaced.of(ORDER_ID, HOLDER);
    }

    static OrderRejected anOrderRejected() {
        return OrderRejected.of(ORDER_ID, HOLDER, "POINT_LIMIT");
    }

    static DeadlineReached aDeadlineReached() {
        return DeadlineReached.of(ORDER_ID, DEADLINE, DEADLINE + 42);
    }

    static ExchangeCompensated anExchangeCompensated() {
        return ExchangeCompensated.of(ORDER_ID, HOLDER, new BigDecimal("550.275"), true);
    }

    static PointUseCompensated aPointUseCompensated() {
        return PointUseCompensated.of(ORDER_ID, HOLDER, new BigDecimal("550.275"), new BigDecimal("10000"));
    }

    /** One of each event type, in the order of {@link EventType}. */
    static Stream<SagaEvent> everyEvent() {
        return Stream.of(anOrderCreated(), anExchangeSucceed(), anExchangeFailed(), aPointUsed(), aPointUseFailed(),
                anOrderPlaced(), anOrderRejected(), aDeadlineReached(), anExchangeCompensated(),
                aPointUseCompensated());
    }
}
