package io.deadlinesaga.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN rule 8: an order for a holder who has no point account yet waits for it, until the deadline. */
class EarlyOrdersTest {

    private static final Duration SETTLES = SagaSystem.DEADLINE.plusSeconds(10);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @Test
    void approvesAnOrderWhoseHolderOpensAnAccountBeforeTheDeadline() {
        // given
        String holder = SagaClient.newHolder("early");
        long orderId = saga.placeOrderId(holder, "1", "300");
        await().atMost(SETTLES).until(() -> system.topic().typesOf(orderId).contains("ExchangeSucceed"));
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("PENDING");

        // when
        assertThat(saga.openAccount(holder, "1000").status()).isEqualTo(201);

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("APPROVED");
        assertThat(order.get("decidedAt").asLong()).isLessThan(order.get("deadline").asLong());
        assertThat(saga.balance(holder)).isEqualByComparingTo("700");
        assertThat(system.topic().typesOf(orderId))
                .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced");
        invariants.assertConsistent(orderId);
    }

    @Test
    void rejectsAtTheDeadlineSayingWhyWhenTheAccountNeverCame() {
        // given
        String holder = SagaClient.newHolder("nobody");

        // when
        long orderId = saga.placeOrderId(holder, "1", "300");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        FaultInjectionTest.assertRejectedAtTheDeadline(order);
        assertThat(order.get("detail").asString()).contains("point account").contains(holder);
        invariants.assertConsistent(orderId);
    }

    @Test
    void deductsNothingForAnOrderRejectedBeforeTheAccountWasOpened() {
        // given
        String holder = SagaClient.newHolder("late");
        long orderId = saga.placeOrderId(holder, "1", "300");
        saga.awaitSettled(orderId, SETTLES);

        // when
        saga.openAccount(holder, "1000");

        // then
        assertThat(saga.balance(holder)).isEqualByComparingTo("1000");
        assertThat(saga.transactions(orderId)).hasSize(1);
        invariants.assertConsistent(orderId);
    }
}
