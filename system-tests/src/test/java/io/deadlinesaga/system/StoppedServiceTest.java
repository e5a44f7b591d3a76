package io.deadlinesaga.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The original's third walkthrough, with the default 10 s deadline: stop exchange, place an order, see the
 * deadline reject it, start exchange again and see it exchange nothing.
 */
class StoppedServiceTest {

    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @Test
    void rejectsAtTheDefaultDeadlineWhileExchangeIsStoppedAndExchangesNothingAfterItsRestart() {
        system.restart("order", "--saga.order.deadline=" + DEFAULT_DEADLINE.toMillis() + "ms");
        try {
            // given
            String holder = SagaClient.newHolder("stopped");
            saga.openAccount(holder, "10000");
            system.stop("exchange");

            // when
            long orderId = saga.placeOrderId(holder, "1", "500");

            // then
            await().atMost(DEFAULT_DEADLINE.plusSeconds(5))
                    .until(() -> "REJECTED".equals(saga.order(orderId).get("status").asString()));
            JsonNode order = saga.order(orderId);
            assertThat(order.get("reason").asString()).isEqualTo("DEADLINE");
            assertThat(order.get("detail").asString()).contains("exchange");
            long decidedAfter = order.get("decidedAt").asLong() - order.get("createdAt").asLong();
            assertThat(decidedAfter).as("decided at about 10 s (I1)")
                    .isBetween(DEFAULT_DEADLINE.toMillis(), DEFAULT_DEADLINE.toMillis() + 1000);

            // when
            system.start("exchange");

            // then
            saga.awaitSettled(orderId, Duration.ofSeconds(30));
            assertThat(saga.exchange(orderId).get("state").asString()).isEqualTo("CLOSED");
            assertThat(saga.balance(holder)).isEqualByComparingTo("10000");
            assertThat(system.topic().typesOf(orderId)).containsExactly("OrderCreated", "DeadlineReached",
                    "OrderRejected", "ExchangeCompensated", "PointUseCompensated");
            invariants.assertConsistent(orderId);
        }
        finally {
            system.start("exchange");
            system.restart("order");
        }
    }

    @Test
    void keepsBalancesAndOrdersAcrossARestartOfPoint() {
        // given
        String holder = SagaClient.newHolder("kept");
        saga.openAccount(holder, "10000");
        long orderId = saga.placeOrderId(holder, "1", "500");
        saga.awaitSettled(orderId, Duration.ofSeconds(20));

        // when
        system.restart("point");

        // then
        assertThat(saga.balance(holder)).isEqualByComparingTo("9500");
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("APPROVED");
        long next = saga.placeOrderId(holder, "1", "500");
        assertThat(saga.awaitSettled(next, Duration.ofSeconds(20)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("9000");
    }
}
