package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The invariants of DESIGN §5 for one settled order, checked against every service and the topic. */
final class Invariants {

    private final SagaClient saga;
    private final TopicObserver topic;

    Invariants(SagaSystem system) {
        this.saga = system.client();
        this.topic = system.topic();
    }

    /** I2, I3, I5 for a settled order (decided, and compensated if rejected). */
    void assertConsistent(long orderId) {
        JsonNode order = saga.order(orderId);
        String status = order.get("status").asString();
        assertThat(status).as("order %d is decided", orderId).isIn("APPROVED", "REJECTED");
        List<String> events = topic.typesOf(orderId);
        BigDecimal deducted = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        int refunds = 0;
        int deductions = 0;
        for (JsonNode entry : saga.transactions(orderId)) {
            if ("DEDUCTION".equals(entry.get("type").asString())) {
                deductions++;
                deducted = deducted.add(entry.get("point").decimalValue());
            }
            else {
                refunds++;
                refunded = refunded.add(entry.get("point").decimalValue());
            }
        }
        Http.Response exchange = saga.http().get("/exchanges/" + orderId);
        boolean exchangeInEffect = exchange.status() == 200 && "EXCHANGED".equals(exchange.body().get("state").asString());
        if ("APPROVED".equals(status)) {
            // I2
            assertThat(exchangeInEffect).as("I2: the exchange of approved order %d is in effect", orderId).isTrue();
            assertThat(deductions).as("I2: one deduction for approved order %d", orderId).isEqualTo(1);
            assertThat(refunds).as("I2: no refund for approved order %d", orderId).isZero();
            assertThat(events).as("I2/I5: approved order %d", orderId)
                    .doesNotContain("OrderRejected", "ExchangeCompensated", "PointUseCompensated");
        }
        else {
            // I3
            assertThat(exchangeInEffect).as("I3: no exchange in effect for rejected order %d", orderId).isFalse();
            assertThat(deducted.subtract(refunded)).as("I3: net points of rejected order %d", orderId)
                    .isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(refunds).as("I3: at most one refund for order %d", orderId).isLessThanOrEqualTo(1);
            assertThat(events).as("I5: rejected order %d", orderId).doesNotContain("OrderPlaced");
            assertThat(events.stream().filter("OrderRejected"::equals)).as("one decision").hasSize(1);
        }
        assertThat(events.stream().filter("DeadlineReached"::equals)).as("deadline fires at most once").hasSizeLessThanOrEqualTo(1);
        // the saga view's auditor, from the events alone, agrees
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                saga.http().get("/sagas/" + orderId).body().path("verdict").asString("")).as("verdict of %d", orderId)
                .isEqualTo("CONSISTENT"));
    }
}
