package io.deadlinesaga.system;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint, through the gateway, refuses bad requests with a 4xx problem+json — never a 5xx — and
 * stores nothing, so no saga starts.
 */
class BadRequestsTest {

    private static final String JSON = "application/json";
    private static final String LONG_ID = "x".repeat(101);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("POST", "/orders", JSON, "{\"currencyId\":\"1\",\"amount\":\"500\"}", 400, "holderId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"\",\"currencyId\":\"1\",\"amount\":\"500\"}", 400, "holderId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"" + LONG_ID + "\",\"currencyId\":\"1\",\"amount\":\"5\"}", 400, "holderId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"amount\":\"500\"}", 400, "currencyId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"abc\",\"amount\":\"5\"}", 400, "currencyId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"0\",\"amount\":\"5\"}", 400, "currencyId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"-1\",\"amount\":\"5\"}", 400, "currencyId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":null}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":\"abc\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":\"0\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":\"-5\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":\"1e30\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",\"currencyId\":\"1\",\"amount\":\"1.123456\"}", 400, "amount"),
                arguments("POST", "/orders", JSON, "{\"holderId\":[\"bad\"],\"currencyId\":\"1\",\"amount\":\"5\"}", 400, "holderId"),
                arguments("POST", "/orders", JSON, "{\"holderId\":\"bad\",", 400, "JSON"),
                arguments("POST", "/orders", JSON, "", 400, "JSON"),
                arguments("POST", "/orders", JSON, "[]", 400, ""),
                arguments("POST", "/orders", "text/plain", "holderId=bad", 415, ""),
                arguments("POST", "/points", JSON, "{\"point\":\"100\"}", 400, "userId"),
                arguments("POST", "/points", JSON, "{\"userId\":\" \",\"point\":\"100\"}", 400, "userId"),
                arguments("POST", "/points", JSON, "{\"userId\":\"" + LONG_ID + "\",\"point\":\"100\"}", 400, "userId"),
                arguments("POST", "/points", JSON, "{\"userId\":\"bad\"}", 400, "point"),
                arguments("POST", "/points", JSON, "{\"userId\":\"bad\",\"point\":\"ten\"}", 400, "point"),
                arguments("POST", "/points", JSON, "{\"userId\":\"bad\",\"point\":\"-1\"}", 400, "point"),
                arguments("POST", "/points", JSON, "{\"userId\":\"bad\",\"point\":\"1e20\"}", 400, "point"),
                arguments("POST", "/points", JSON, "not json", 400, "JSON"),
                arguments("POST", "/points", "text/plain", "userId=bad", 415, ""),
                arguments("GET", "/orders/abc", JSON, "", 400, ""),
                arguments("GET", "/orders/987654321", JSON, "", 404, "987654321"),
                arguments("GET", "/exchanges/abc", JSON, "", 400, ""),
                arguments("GET", "/exchanges/987654321", JSON, "", 404, "987654321"),
                arguments("GET", "/deadlines/abc", JSON, "", 400, ""),
                arguments("GET", "/deadlines/987654321", JSON, "", 404, "987654321"),
                arguments("GET", "/points/nobody-at-all", JSON, "", 404, "nobody-at-all"),
                arguments("GET", "/transactions?orderId=abc", JSON, "", 400, ""),
                arguments("PUT", "/orders/1", JSON, "{\"status\":\"APPROVED\"}", 405, ""),
                arguments("PATCH", "/orders/1", JSON, "{\"status\":\"APPROVED\"}", 405, ""),
                arguments("DELETE", "/orders/1", JSON, "", 405, ""),
                arguments("DELETE", "/points/bad", JSON, "", 405, ""));
    }

    @ParameterizedTest(name = "{0} {1} {3} -> {4}")
    @MethodSource("badRequests")
    void refusesWithAProblemAndStoresNothing(String method, String path, String contentType, String body,
            int status, String detailMentions) {
        // given
        long newestOrder = saga.newestOrderId();
        String newestAccount = saga.newestAccount();

        // when
        Http.Response response = saga.http().send(method, path, contentType, body);

        // then
        assertThat(response.status()).as("%s %s %s", method, path, body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asString("")).contains(detailMentions);
        assertThat(saga.newestOrderId()).isEqualTo(newestOrder);
        assertThat(saga.newestAccount()).isEqualTo(newestAccount);
    }
}
