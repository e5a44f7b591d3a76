package io.deadlinesaga.system;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that retries POST /orders with the same Idempotency-Key gets one order and one saga. */
class IdempotencyKeyTest {

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void aRetriedRequestGetsTheSameOrderAndStartsNoSecondSaga() {
        // given
        String holder = SagaClient.newHolder("retry");
        saga.openAccount(holder, "1000");
        String key = UUID.randomUUID().toString();
        long newestBefore = saga.newestOrderId();

        // when
        Http.Response first = place(holder, "100", key);
        Http.Response retry = place(holder, "100", key);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        long orderId = first.body().get("id").asLong();
        assertThat(retry.body().get("id").asLong()).isEqualTo(orderId);
        saga.awaitSettled(orderId, Duration.ofSeconds(20));
        assertThat(saga.balance(holder)).isEqualByComparingTo("900");
        assertThat(ordersOf(holder, newestBefore)).containsExactly(orderId);
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() {
        // given
        String holder = SagaClient.newHolder("burst");
        saga.openAccount(holder, "1000");
        String key = UUID.randomUUID().toString();
        long newestBefore = saga.newestOrderId();

        // when
        List<Http.Response> responses = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> place(holder, "100", key)))
                .toList().stream().map(CompletableFuture::join).toList();

        // then
        assertThat(responses).extracting(Http.Response::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(responses).extracting(response -> response.body().get("id").asLong()).containsOnly(
                responses.get(0).body().get("id").asLong());
        assertThat(ordersOf(holder, newestBefore)).hasSize(1);
    }

    @Test
    void refusesTheSameKeyForADifferentOrder() {
        // given
        String holder = SagaClient.newHolder("reused");
        String key = UUID.randomUUID().toString();
        long newestBefore = saga.newestOrderId();
        place(holder, "100", key);

        // when
        Http.Response other = place(holder, "200", key);

        // then
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(ordersOf(holder, newestBefore)).hasSize(1);
    }

    private Http.Response place(String holder, String amount, String key) {
        return saga.http().post("/orders", "{\"holderId\":\"" + holder + "\",\"currencyId\":\"1\",\"amount\":\""
                + amount + "\"}", "Idempotency-Key", key);
    }

    /** The holder's orders among those placed since the newest order was {@code newestBefore}. */
    private List<Long> ordersOf(String holder, long newestBefore) {
        return saga.ordersAfter(newestBefore).stream()
                .filter(order -> holder.equals(order.get("holderId").asString()))
                .map(order -> order.get("id").asLong()).toList();
    }
}
