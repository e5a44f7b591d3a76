package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user does with httpie through the gateway, as a small test language. Public where the Testcontainers tier
 * in {@code io.deadlinesaga.system.containers} uses it.
 */
public final class SagaClient {

    private static final AtomicInteger USERS = new AtomicInteger();

    private final Http http;

    public SagaClient(Http http) {
        this.http = http;
    }

    Http http() {
        return http;
    }

    /** A holder name no other test uses, so tests never share a balance. */
    public static String newHolder(String name) {
        return name + "-" + System.nanoTime() % 100_000 + "-" + USERS.incrementAndGet();
    }

    /** {@code http :8088/points userId=… point=…} (numbers as strings, as httpie sends them) */
    public Http.Response openAccount(String userId, String point) {
        return http.post("/points", "{\"userId\":\"" + userId + "\",\"point\":\"" + point + "\"}");
    }

    /** {@code http :8088/orders holderId=… currencyId=… amount=…} */
    Http.Response placeOrder(String holderId, String currencyId, String amount) {
        return http.post("/orders", "{\"holderId\":\"" + holderId + "\",\"currencyId\":\"" + currencyId
                + "\",\"amount\":\"" + amount + "\"}");
    }

    public long placeOrderId(String holderId, String currencyId, String amount) {
        Http.Response response = placeOrder(holderId, currencyId, amount);
        assertThat(response.status()).as("POST /orders: %s", response.body()).isEqualTo(201);
        return response.body().get("id").asLong();
    }

    /** The id of the newest order ({@code GET /orders} lists newest first), 0 when there is none. */
    long newestOrderId() {
        JsonNode newest = http.get("/orders?size=1").body();
        return newest.isEmpty() ? 0 : newest.get(0).get("id").asLong();
    }

    /** The orders placed after the given one, newest first, read a page at a time as long as they are newer. */
    List<JsonNode> ordersAfter(long orderId) {
        int size = 500;
        List<JsonNode> newer = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode orders = http.get("/orders?size=" + size + "&page=" + page).body();
            for (JsonNode order : orders) {
                if (order.get("id").asLong() <= orderId) {
                    return newer;
                }
                newer.add(order);
            }
            if (orders.size() < size) {
                return newer;
            }
        }
    }

    /** The userId of the newest account ({@code GET /points} lists newest first), "" when there is none. */
    String newestAccount() {
        JsonNode newest = http.get("/points?size=1").body();
        return newest.isEmpty() ? "" : newest.get(0).get("userId").asString();
    }

    JsonNode order(long id) {
        return http.get("/orders/" + id).body();
    }

    /** Waits until the order is decided and, if rejected, fully compensated; returns it. */
    public JsonNode awaitSettled(long orderId, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode order = order(orderId);
            String status = order.path("status").asString();
            return "APPROVED".equals(status)
                    || "REJECTED".equals(status) && "COMPLETED".equals(order.path("compensation").asString());
        });
        return order(orderId);
    }

    public BigDecimal balance(String userId) {
        return http.get("/points/" + userId).body().get("point").decimalValue();
    }

    JsonNode exchange(long orderId) {
        return http.get("/exchanges/" + orderId).body();
    }

    JsonNode deadline(long orderId) {
        return http.get("/deadlines/" + orderId).body();
    }

    /** An order's ledger entries, newest first. */
    JsonNode transactions(long orderId) {
        return http.get("/transactions?orderId=" + orderId).body();
    }
}
