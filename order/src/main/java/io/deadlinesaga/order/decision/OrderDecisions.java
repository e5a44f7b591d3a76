package io.deadlinesaga.order.decision;

import java.time.Clock;
import java.util.function.Function;

import io.deadlinesaga.messaging.event.DeadlineReached;
import io.deadlinesaga.messaging.event.ExchangeFailed;
import io.deadlinesaga.messaging.event.ExchangeSucceed;
import io.deadlinesaga.messaging.event.OrderPlaced;
import io.deadlinesaga.messaging.event.OrderRejected;
import io.deadlinesaga.messaging.event.PointUseCompensated;
import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.messaging.inbox.OnEvent;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.ThrottledLog;
import io.deadlinesaga.order.placing.Order;
import io.deadlinesaga.order.placing.OrderRepository;
import io.deadlinesaga.order.placing.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The order's decisions. The first outcome to arrive wins and is final; anything later (a PointUsed after
 * the deadline, a deadline after the approval) changes nothing, and a step that did happen is undone by
 * the compensation chain that OrderRejected starts.
 */
@Component
class OrderDecisions {

    private static final Logger log = LoggerFactory.getLogger(OrderDecisions.class);

    private final ThrottledLog ignored = new ThrottledLog(log);

    private final OrderRepository orders;
    private final Outbox outbox;
    private final DecisionMetrics metrics;
    private final Clock clock;

    OrderDecisions(OrderRepository orders, Outbox outbox, DecisionMetrics metrics, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Saga step 4: the points are deducted, so the order is approved; unless its deadline has passed meanwhile
     * (the deadline service late, or its clock behind): then it is rejected, and the chain refunds the points.
     */
    @OnEvent
    void approveOnPointUsed(PointUsed event) {
        Order order = find(event.orderId());
        long now = clock.millis();
        if (order != null && order.approve(now)) {
            orders.update(order);
            outbox.append(OrderPlaced.of(order.getId(), order.getHolderId()));
            metrics.decidedAfterCommit(order);
        }
        else if (order != null && order.isPending() && order.isPastDeadline(now)) {
            reject(order, RejectionReason.DEADLINE, "not decided within the deadline: the points were deducted "
                    + (now - order.getDeadline()) + " ms after it, and are refunded", now);
        }
        else {
            ignored.info("PointUsed for a decided order", "orderId={} PointUsed ignored: order is {}",
                    event.orderId(), status(order));
        }
    }

    @OnEvent
    void rejectOnPointUseFailed(PointUseFailed event) {
        RejectionReason reason = PointRefusals.reasonFor(event.reason());
        reject(event.orderId(), reason, order -> reason == RejectionReason.POINT_LIMIT
                ? order.getHolderId() + " has fewer points than the order needs"
                : "point refused the order: " + event.reason());
    }

    @OnEvent
    void rejectOnExchangeFailed(ExchangeFailed event) {
        reject(event.orderId(), RejectionReason.EXCHANGE_ERROR, order -> "exchange failed: " + event.reason());
    }

    @OnEvent
    void rejectOnDeadlineReached(DeadlineReached event) {
        reject(event.orderId(), RejectionReason.DEADLINE, order -> order.isExchanged()
                ? "not decided within the deadline: the points were not deducted in time (has "
                        + order.getHolderId() + " a point account? is the point service up?)"
                : "not decided within the deadline: the exchange did not answer in time (is the exchange service up?)");
    }

    /** Remembers that the exchange step is done, for the deadline's explanation. */
    @OnEvent
    void noteOnExchangeSucceed(ExchangeSucceed event) {
        Order order = find(event.orderId());
        if (order != null && order.exchanged(clock.millis())) {
            orders.update(order);
        }
    }

    /** The chain's last step reported back: the rejection is fully compensated. */
    @OnEvent
    void closeOnPointUseCompensated(PointUseCompensated event) {
        Order order = find(event.orderId());
        if (order != null && order.compensated(clock.millis())) {
            orders.update(order);
            log.info("orderId={} rejection fully compensated (refunded {})", event.orderId(), event.refunded());
        }
    }

    private void reject(long orderId, RejectionReason reason, Function<Order, String> explanation) {
        Order order = find(orderId);
        if (order != null) {
            reject(order, reason, explanation.apply(order), clock.millis());
        }
    }

    private void reject(Order order, RejectionReason reason, String explanation, long now) {
        if (order.reject(reason, explanation, now)) {
            orders.update(order);
            outbox.append(OrderRejected.of(order.getId(), order.getHolderId(), reason.name()));
            metrics.decidedAfterCommit(order);
        }
        else {
            ignored.info("rejection of a decided order", "orderId={} rejection ({}) ignored: order is {}",
                    order.getId(), reason, status(order));
        }
    }

    private Order find(long orderId) {
        Order order = orders.findById(orderId).orElse(null);
        if (order == null) {
            ignored.warn("unknown order", "orderId={} event for an order that does not exist: ignored", orderId);
        }
        return order;
    }

    private static String status(Order order) {
        return order == null ? "unknown" : order.getStatus().name();
    }
}
