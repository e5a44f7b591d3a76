package io.deadlinesaga.messaging.inbox;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which orders' lanes are draining now. A lane is idle (not here), draining, or draining and woken meanwhile:
 * then an event may have arrived after the drain last looked, and the lane must drain once more before it
 * goes idle. So each order has at most one drain at a time, and no wake-up is lost.
 */
final class Lanes {

    private enum State { DRAINING, WOKEN_WHILE_DRAINING }

    private final ConcurrentHashMap<Long, State> active = new ConcurrentHashMap<>();

    /** Wakes the order's lane; true when it was idle, so the caller must start its drain. */
    boolean wake(long orderId) {
        return active.merge(orderId, State.DRAINING, (draining, woken) -> State.WOKEN_WHILE_DRAINING) == State.DRAINING;
    }

    /** The lane's drain is over; true when it was woken meanwhile and must drain once more, false when it is idle now. */
    boolean drained(long orderId) {
        return active.computeIfPresent(orderId,
                (id, state) -> state == State.WOKEN_WHILE_DRAINING ? State.DRAINING : null) != null;
    }

    boolean isDraining(long orderId) {
        return active.containsKey(orderId);
    }
}
