package io.deadlinesaga.sagaview.timeline;

import io.deadlinesaga.contract.EventName;

/** Which service produces which event (DESIGN §3), as the contract says. */
final class Producers {

    private Producers() {
    }

    static String of(String eventType) {
        if (TimelineEntry.DEAD_LETTERED.equals(eventType)) {
            return "dead letters";
        }
        return EventName.ofWireName(eventType).map(EventName::producer).orElse("unknown");
    }
}
