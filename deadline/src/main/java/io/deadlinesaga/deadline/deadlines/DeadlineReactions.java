package io.deadlinesaga.deadline.deadlines;

import java.time.Clock;

import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.inbox.OnEvent;

import org.springframework.stereotype.Component;

/** Registers each order's deadline when it is created, and cancels it when the order is decided. */
@Component
class DeadlineReactions {

    private final DeadlineRepository deadlines;
    private final DeadlineClock timers;
    private final Clock clock;

    DeadlineReactions(DeadlineRepository deadlines, DeadlineClock timers, Clock clock) {
        this.deadlines = deadlines;
        this.timers = timers;
        this.clock = clock;
    }

    /** The deadline is the order's own (set by order when it took the order), so there is one clock for it. */
    @OnEvent
    void registerOnOrderCreated(OrderCreated event) {
        if (deadlines.existsById(event.orderId())) {
            return;
        }
        deadlines.insert(Deadline.pending(event.orderId(), event.deadline(), clock.millis()));
        timers.setAfterCommit(event.orderId(), event.deadline());
    }

    @OnEvent
    void cancelOnOrderPlaced(OrderPlaced event) {
        cancel(event.orderId());
    }

    @OnEvent
    void cancelOnOrderRejected(OrderRejected event) {
        cancel(event.orderId());
    }

    private void cancel(long orderId) {
        long now = clock.millis();
        deadlines.lock(orderId).ifPresentOrElse(deadline -> {
            if (deadline.cancel(now)) {
                deadlines.update(deadline);
            }
        }, () -> deadlines.insert(Deadline.cancelledBeforeRegistration(orderId, now)));
        timers.dropAfterCommit(orderId);
    }
}
