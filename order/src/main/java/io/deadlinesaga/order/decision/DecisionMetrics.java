package io.deadlinesaga.order.decision;

import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.support.AfterCommit;
import io.deadlinesaga.order.placing.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What the decisions look like from outside: {@code saga.order.decisions} by outcome and reason, and
 * {@code saga.order.decision.latency}, from an order's creation to its decision.
 */
@Component
class DecisionMetrics {

    private final MeterRegistry meters;
    private final Timer latency;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("saga.order.decision.latency")
                .description("from an order's creation to its decision")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Counts the order's decision once the transaction that made it has committed: a batch rolled back and
     * handled again decides the order again, and must not count it twice.
     */
    void decidedAfterCommit(Order order) {
        String outcome = order.getStatus().name();
        String reason = order.getReason() == null ? "none" : order.getReason().name();
        long latencyMillis = order.getDecidedAt() - order.getCreatedAt();
        AfterCommit.run(() -> decided(outcome, reason, latencyMillis));
    }

    private void decided(String outcome, String reason, long latencyMillis) {
        Counter.builder("saga.order.decisions")
                .description("orders decided, by outcome and reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(meters)
                .increment();
        latency.record(latencyMillis, TimeUnit.MILLISECONDS);
    }
}
