package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.deadlinesaga.system.TopicObserver.Seen;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The original walkthrough, driven over HTTP through the gateway: the happy path and the point limit. */
class SagaFlowsTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void approvesAnOrderTheBalanceCoversAndDeductsItsPoints() {
        // given
        String holder = SagaClient.newHolder("jjy");
        assertThat(saga.openAccount(holder, "10000").status()).isEqualTo(201);

        // when
        Http.Response placed = saga.placeOrder(holder, "1", "500");

        // then
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("status").asString()).isEqualTo("PENDING");
        long orderId = placed.body().get("id").asLong();
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("9500");
        JsonNode exchange = saga.exchange(orderId);
        assertThat(exchange.get("state").asString()).isEqualTo("EXCHANGED");
        assertThat(exchange.get("point").decimalValue()).isEqualByComparingTo("500");
        await().atMost(SETTLES).untilAsserted(() ->
                assertThat(saga.deadline(orderId).path("state").asString()).isEqualTo("CANCELLED"));
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId))
                .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced"));

        List<Seen> events = system.topic().eventsOf(orderId);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.key()).isEqualTo(Long.toString(orderId));
            assertThat(event.field("eventType")).isEqualTo(event.type());
            assertThat(event.value().get("orderId").asLong()).isEqualTo(orderId);
            assertThat(event.field("eventId")).isNotBlank();
        });
        assertThat(events).extracting(Seen::partition).containsOnly(events.get(0).partition());
        Seen pointUsed = events.get(2);
        assertThat(pointUsed.value().get("point").decimalValue()).isEqualByComparingTo("500");
        assertThat(pointUsed.value().get("balance").decimalValue()).isEqualByComparingTo("9500");
        assertThat(pointUsed.field("userId")).isEqualTo(holder);
        assertThat(events.get(1).field("userId")).isEqualTo(holder);
        assertThat(events.get(0).value().get("deadline").asLong()).isEqualTo(order.get("deadline").asLong());
    }

    @Test
    void rejectsAnOrderOverThePointLimitAndCompensatesItInSequence() {
        // given
        String holder = SagaClient.newHolder("jjy");
        saga.openAccount(holder, "10000");
        saga.placeOrderId(holder, "1", "500");

        // when
        long orderId = saga.placeOrderId(holder, "1", "50000");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asString()).isEqualTo("POINT_LIMIT");
        assertThat(order.get("compensation").asString()).isEqualTo("COMPLETED");
        await().atMost(SETTLES).untilAsserted(() -> assertThat(saga.balance(holder)).isEqualByComparingTo("9500"));
        assertThat(saga.exchange(orderId).get("state").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.deadline(orderId).get("state").asString()).isEqualTo("CANCELLED");
        JsonNode ledger = saga.transactions(orderId);
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("type").asString()).isEqualTo("REFUND");
        assertThat(ledger.get(0).get("point").decimalValue()).isEqualByComparingTo("0");
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId)).containsExactly(
                "OrderCreated", "ExchangeSucceed", "PointUseFailed", "OrderRejected", "ExchangeCompensated",
                "PointUseCompensated"));

        List<Seen> events = system.topic().eventsOf(orderId);
        assertThat(events.get(2).field("reason")).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(events.get(2).field("userId")).isEqualTo(holder);
        assertThat(events.get(3).field("reason")).isEqualTo("POINT_LIMIT");
        assertThat(events.get(4).value().get("undone").asBoolean()).isTrue();
        assertThat(events.get(4).value().get("point").decimalValue()).isEqualByComparingTo("50000");
        assertThat(events.get(5).value().get("refunded").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(events.get(5).value().get("balance").decimalValue()).isEqualByComparingTo("9500");
    }

    @Test
    void approvesAnOrderThatSpendsTheWholeBalance() {
        // given
        String holder = SagaClient.newHolder("exact");
        saga.openAccount(holder, "500");

        // when
        long orderId = saga.placeOrderId(holder, "1", "500");

        // then
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("0");
    }
}
