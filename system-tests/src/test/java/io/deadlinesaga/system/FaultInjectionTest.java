package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every row of the fault table (DESIGN §7), run as a user runs it: an order in a special currency through
 * the gateway, then the final state of every service and the events on the topic.
 */
class FaultInjectionTest {

    private static final Duration SETTLES = SagaSystem.DEADLINE.plus(SagaSystem.POINT_STALL).plusSeconds(10);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @Test
    void fault100RejectsAtTheDeadlineWithoutExchanging() {
        // given
        String holder = holderWith("1000");

        // when
        long orderId = saga.placeOrderId(holder, "100", "300");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertRejectedAtTheDeadline(order);
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId)).containsExactly(
                "OrderCreated", "DeadlineReached", "OrderRejected", "ExchangeCompensated", "PointUseCompensated"));
        assertThat(system.topic().eventsOf(orderId).get(3).value().get("undone").asBoolean()).isFalse();
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        invariants.assertConsistent(orderId);
    }

    @Test
    void fault200IsNeverApprovedNotEvenForAMoment() {
        // given
        String holder = holderWith("1000");
        long orderId = saga.placeOrderId(holder, "200", "300");
        List<String> seen = new ArrayList<>();

        // when
        await().atMost(SETTLES).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode order = saga.order(orderId);
            seen.add(order.get("status").asString());
            return "COMPLETED".equals(order.path("compensation").asString());
        });

        // then
        assertThat(seen).doesNotContain("APPROVED").contains("PENDING", "REJECTED");
        assertRejectedAtTheDeadline(saga.order(orderId));
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId))
                .contains("ExchangeSucceed", "PointUseFailed", "ExchangeCompensated", "PointUseCompensated"));
        assertThat(saga.exchange(orderId).get("state").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        invariants.assertConsistent(orderId);
    }

    @Test
    void fault300RejectsAtOnceAndCompletesTheChain() {
        // given
        String holder = holderWith("1000");

        // when
        long orderId = saga.placeOrderId(holder, "300", "300");

        // then
        JsonNode order = saga.awaitSettled(orderId, Duration.ofSeconds(3));
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asString()).isEqualTo("EXCHANGE_ERROR");
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId)).containsExactly(
                "OrderCreated", "ExchangeFailed", "OrderRejected", "ExchangeCompensated", "PointUseCompensated"));
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        invariants.assertConsistent(orderId);
    }

    @Test
    void fault400SucceedsOnTheThirdAttempt() {
        // given
        String holder = holderWith("1000");

        // when
        long orderId = saga.placeOrderId(holder, "400", "300");

        // then
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("700");
        assertThat(system.topic().typesOf(orderId))
                .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced");
        invariants.assertConsistent(orderId);
    }

    @Test
    void fault500RejectsAtTheDeadlineAndRefundsTheLateDeductionOnce() {
        // given
        String holder = holderWith("1000");

        // when
        long orderId = saga.placeOrderId(holder, "500", "300");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertRejectedAtTheDeadline(order);
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        JsonNode ledger = saga.transactions(orderId);
        assertThat(ledger).hasSize(2);
        // newest first: the refund, then the deduction it undoes
        assertThat(ledger.get(0).get("type").asString()).isEqualTo("REFUND");
        assertThat(ledger.get(0).get("point").decimalValue()).isEqualByComparingTo("300");
        assertThat(ledger.get(1).get("type").asString()).isEqualTo("DEDUCTION");
        invariants.assertConsistent(orderId);
    }

    private String holderWith(String points) {
        String holder = SagaClient.newHolder("fault");
        assertThat(saga.openAccount(holder, points).status()).isEqualTo(201);
        return holder;
    }

    static void assertRejectedAtTheDeadline(JsonNode order) {
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asString()).isEqualTo("DEADLINE");
        long decidedAfter = order.get("decidedAt").asLong() - order.get("createdAt").asLong();
        assertThat(decidedAfter).as("decided at the deadline (I1)")
                .isBetween(SagaSystem.DEADLINE.toMillis(), SagaSystem.DEADLINE.toMillis() + 1000);
    }
}
