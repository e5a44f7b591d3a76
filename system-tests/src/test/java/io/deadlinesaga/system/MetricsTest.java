package io.deadlinesaga.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each service's Prometheus endpoint shows what an operator watches. */
class MetricsTest {

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void exposesDecisionsLatencyLatenessBacklogAndDeadLetters() {
        // given: an approved order, a rejected one, and one decided by its deadline
        String holder = SagaClient.newHolder("measured");
        saga.openAccount(holder, "100");
        saga.awaitSettled(saga.placeOrderId(holder, "1", "10"), Duration.ofSeconds(20));
        saga.awaitSettled(saga.placeOrderId(holder, "1", "1000"), Duration.ofSeconds(20));
        saga.awaitSettled(saga.placeOrderId(SagaClient.newHolder("nobody"), "1", "10"),
                SagaSystem.DEADLINE.plusSeconds(10));

        // then
        String order = prometheus("order");
        assertThat(order).contains("saga_order_decisions_total{outcome=\"APPROVED\",reason=\"none\"")
                .contains("saga_order_decisions_total{outcome=\"REJECTED\",reason=\"POINT_LIMIT\"")
                .contains("saga_order_decisions_total{outcome=\"REJECTED\",reason=\"DEADLINE\"")
                .contains("saga_order_decision_latency_seconds_bucket")
                .contains("saga_outbox_backlog")
                .contains("saga_messaging_dead_letters_total");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(prometheus("deadline"))
                .containsPattern("saga_deadline_lateness_seconds_count(\\{[^}]*\\})? [1-9]"));
    }

    private String prometheus(String service) {
        Http.Response response = new Http(system.serviceUrl(service)).getText("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body().asString();
    }
}
