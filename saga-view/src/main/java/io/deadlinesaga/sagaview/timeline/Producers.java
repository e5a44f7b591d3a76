package io.deadlinesaga.sagaview.timeline;

import java.util.Map;

/** Which service produces which event (DESIGN §3). */
final class Producers {

    private static final Map<String, String> BY_TYPE = Map.of(
            "OrderCreated", "order", "OrderPlaced", "order", "OrderRejected", "order",
            "ExchangeSucceed", "exchange", "ExchangeFailed", "exchange", "ExchangeCompensated", "exchange",
            "PointUsed", "point", "PointUseFailed", "point", "PointUseCompensated", "point",
            "DeadlineReached", "deadline");

    private Producers() {
    }

    static String of(String eventType) {
        if (TimelineEntry.DEAD_LETTERED.equals(eventType)) {
            return "dead letters";
        }
        return BY_TYPE.getOrDefault(eventType, "unknown");
    }
}
