package io.deadlinesaga.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body over {@code saga.web.max-request-size} (64 KB here) is refused with 413 problem+json before it
 * is read whole, by the gateway and by the service itself, whether it declares its length or comes chunked;
 * nothing is stored, and the service goes on placing orders.
 */
class RequestSizeLimitTest {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    private static final Duration SETTLES = Duration.ofSeconds(20);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Http order = new Http(system.serviceUrl("order"));

    @Test
    void theGatewayRefusesATenMegabyteOrderWithItsLengthAndGoesOn() {
        refusesATenMegabyteOrderAndGoesOn(saga.http()::postSized);
    }

    @Test
    void theGatewayRefusesATenMegabyteOrderSentChunkedAndGoesOn() {
        refusesATenMegabyteOrderAndGoesOn(saga.http()::postChunked);
    }

    @Test
    void theOrderServiceRefusesATenMegabyteOrderWithItsLengthAndGoesOn() {
        refusesATenMegabyteOrderAndGoesOn(order::postSized);
    }

    @Test
    void theOrderServiceRefusesATenMegabyteOrderSentChunkedAndGoesOn() {
        refusesATenMegabyteOrderAndGoesOn(order::postChunked);
    }

    @Test
    void theSagaViewRefusesATenMegabyteBodyWithItsLength() {
        // given
        Http view = new Http(system.serviceUrl("saga-view"));

        // when
        Http.Response response = view.postSized("/sagas", anOrderOfTenMegabytes("nobody"));

        // then
        assertTooLarge(response);
    }

    @Test
    void acceptsAnOrderJustUnderTheLimit() {
        // given
        String holder = SagaClient.newHolder("roomy");
        saga.openAccount(holder, "100");

        // when
        Http.Response placed = saga.http().postChunked("/orders", anOrderOf(holder, 64 * 1024 - 1));

        // then
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(saga.awaitSettled(placed.body().get("id").asLong(), SETTLES).get("status").asString())
                .isEqualTo("APPROVED");
    }

    private void refusesATenMegabyteOrderAndGoesOn(BiFunction<String, byte[], Http.Response> post) {
        // given
        String bigSpender = SagaClient.newHolder("big");
        saga.openAccount(bigSpender, "100");
        long newestBefore = saga.newestOrderId();

        // when
        Http.Response response = post.apply("/orders", anOrderOfTenMegabytes(bigSpender));

        // then
        assertTooLarge(response);
        String holder = SagaClient.newHolder("after-big");
        saga.openAccount(holder, "100");
        long orderId = saga.placeOrderId(holder, "1", "10");
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.ordersAfter(newestBefore)).extracting(placed -> placed.get("holderId").asString())
                .doesNotContain(bigSpender).contains(holder);
    }

    private static void assertTooLarge(Http.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
        assertThat(problem.get("detail").asString()).isEqualTo("request body larger than 65536 bytes");
    }

    /** A valid order that would be placed if it were read: its padding is a field the order ignores. */
    private static byte[] anOrderOfTenMegabytes(String holder) {
        return anOrderOf(holder, TEN_MEGABYTES);
    }

    private static byte[] anOrderOf(String holder, int bytes) {
        String head = "{\"holderId\":\"" + holder + "\",\"currencyId\":\"1\",\"amount\":\"10\",\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(bytes - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
