package io.deadlinesaga.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a problem+json answer a person can act on, through the gateway. */
class ApiErrorsTest {

    private final SagaClient saga = SagaSystem.get().client();

    @Test
    void refusesANonNumericAmountNamingTheField() {
        // when
        Http.Response response = saga.placeOrder("jjy", "1", "abc");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).contains("amount").contains("abc");
    }

    @Test
    void refusesAnOrderWithMissingAndNegativeFields() {
        // when
        Http.Response response = saga.http().post("/orders", "{\"currencyId\":\"1\",\"amount\":\"-5\"}");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).contains("holderId").contains("amount");
    }

    @Test
    void answersNotFoundForAnUnknownOrderAndAccount() {
        assertThat(saga.http().get("/orders/987654321").status()).isEqualTo(404);
        Http.Response account = saga.http().get("/points/nobody-" + System.nanoTime());
        assertThat(account.status()).isEqualTo(404);
        assertThat(account.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesASecondAccountForTheSameHolder() {
        // given
        String holder = SagaClient.newHolder("twice");
        saga.openAccount(holder, "100");

        // when
        Http.Response second = saga.openAccount(holder, "999");

        // then
        assertThat(second.status()).isEqualTo(409);
        assertThat(saga.balance(holder)).isEqualByComparingTo("100");
    }

    @Test
    void letsNoClientChangeOrDeleteAnOrder() {
        // given
        String holder = SagaClient.newHolder("immutable");
        saga.openAccount(holder, "100");
        long orderId = saga.placeOrderId(holder, "1", "10");

        // when / then
        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            Http.Response response = saga.http().send(method, "/orders/" + orderId, "application/json",
                    "{\"status\":\"APPROVED\"}");
            assertThat(response.status()).as(method).isEqualTo(405);
        }
        assertThat(saga.order(orderId).get("id").asLong()).isEqualTo(orderId);
    }
}
