package io.deadlinesaga.order.decision;

import java.util.concurrent.TimeUnit;

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

    void decided(Order order) {
        Counter.builder("saga.order.decisions")
                .description("orders decided, by outcome and reason")
                .tag("outcome", order.getStatus().name())
                .tag("reason", order.getReason() == null ? "none" : order.getReason().name())
                .register(meters)
                .increment();
        latency.record(order.getDecidedAt() - order.getCreatedAt(), TimeUnit.MILLISECONDS);
    }
}
