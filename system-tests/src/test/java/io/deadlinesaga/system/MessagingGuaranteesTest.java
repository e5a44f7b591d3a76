package io.deadlinesaga.system;

import java.time.Duration;
import java.util.UUID;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.system.TopicObserver.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the messaging core promises: redelivery has no second effect, and a poison record blocks nothing. */
class MessagingGuaranteesTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final ForeignProducer producer = new ForeignProducer(system.bootstrapServers());

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void ignoresARedeliveredExchangeSucceed() {
        // given
        String holder = SagaClient.newHolder("redelivered");
        saga.openAccount(holder, "1000");
        long orderId = saga.placeOrderId(holder, "1", "100");
        saga.awaitSettled(orderId, SETTLES);
        Seen exchangeSucceed = system.topic().eventsOf(orderId).get(1);

        // when
        publish(orderId, exchangeSucceed.type(), exchangeSucceed.value().toString());

        // then
        await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId)).containsExactly(
                "OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced", "ExchangeSucceed"));
        assertBalanceStays(holder, "900");
        assertThat(saga.transactions(orderId)).hasSize(1);
    }

    @Test
    void deductsOncePerOrderEvenWhenTheSameExchangeIsPublishedWithANewEventId() {
        // given
        String holder = SagaClient.newHolder("republished");
        saga.openAccount(holder, "1000");
        long orderId = saga.placeOrderId(holder, "1", "100");
        saga.awaitSettled(orderId, SETTLES);
        Seen exchangeSucceed = system.topic().eventsOf(orderId).get(1);
        ObjectNode copy = (ObjectNode) exchangeSucceed.value().deepCopy();
        copy.put("eventId", UUID.randomUUID().toString());

        // when
        publish(orderId, exchangeSucceed.type(), copy.toString());

        // then
        assertBalanceStays(holder, "900");
        assertThat(saga.transactions(orderId)).hasSize(1);
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void refundsOnceWhenTheCompensationIsReplayedWithNewEventIds() {
        // given: a fault-500 order, whose late deduction was refunded by the compensation chain
        String holder = SagaClient.newHolder("replayed");
        saga.openAccount(holder, "1000");
        long orderId = saga.placeOrderId(holder, "500", "100");
        saga.awaitSettled(orderId, SagaSystem.DEADLINE.plus(SagaSystem.POINT_STALL).plusSeconds(10));
        await().atMost(SETTLES).until(() -> system.topic().typesOf(orderId).contains("PointUseCompensated"));
        int eventsBefore = system.topic().eventsOf(orderId).size();

        // when
        for (String type : new String[] {"OrderRejected", "ExchangeCompensated"}) {
            Seen original = system.topic().eventsOf(orderId).stream().filter(e -> type.equals(e.type())).findFirst()
                    .orElseThrow();
            ObjectNode copy = (ObjectNode) original.value().deepCopy();
            copy.put("eventId", UUID.randomUUID().toString());
            publish(orderId, type, copy.toString());
        }

        // then
        await().atMost(SETTLES).until(() -> system.topic().eventsOf(orderId).size() == eventsBefore + 2);
        assertBalanceStays(holder, "1000");
        assertThat(saga.transactions(orderId)).hasSize(2);
        assertThat(system.topic().eventsOf(orderId)).hasSize(eventsBefore + 2);
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void deadLettersAnUnreadableRecordAndKeepsGoing() {
        // given
        String holder = SagaClient.newHolder("poison");
        saga.openAccount(holder, "1000");
        String key = "999000" + System.nanoTime() % 1000;

        // when
        publish(key, null, "this is not JSON {");
        publish(key, "OrderCreated", "{\"eventType\":\"OrderCreated\",\"orderId\":\"x\"}");
        long orderId = saga.placeOrderId(holder, "1", "100");

        // then
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        TopicObserver deadLetters = new TopicObserver(system.bootstrapServers(), Wire.deadLetterTopic(SagaSystem.TOPIC));
        try (deadLetters) {
            // every service that reads the type (or cannot tell it) dead-letters its own copy
            await().atMost(SETTLES).untilAsserted(() -> assertThat(deadLetters.eventsOf(Long.parseLong(key)))
                    .extracting(Seen::type).contains(null, "OrderCreated"));
        }
    }

    @Test
    void deadLettersAnEventThatKeepsFailingWithItsErrorAndCountsIt() {
        // given: an exchange for a holder whose name point cannot store (longer than its column)
        long orderId = 998_000_000L + System.nanoTime() % 1_000_000;
        String holder = "x".repeat(150);
        String exchangeSucceed = "{\"eventType\":\"ExchangeSucceed\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":" + orderId + ",\"timestamp\":1,\"userId\":\"" + holder
                + "\",\"currencyId\":1,\"amount\":5,\"rate\":1,\"point\":5}";

        // when
        publish(orderId, "ExchangeSucceed", exchangeSucceed);

        // then: after its last attempt it is on the dead-letter topic, as received, with its error
        TopicObserver deadLetters = new TopicObserver(system.bootstrapServers(), Wire.deadLetterTopic(SagaSystem.TOPIC));
        try (deadLetters) {
            await().atMost(SETTLES).untilAsserted(() -> assertThat(deadLetters.eventsOf(orderId)).singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.type()).isEqualTo("ExchangeSucceed");
                        assertThat(letter.field("userId")).isEqualTo(holder);
                        assertThat(letter.error()).isNotBlank();
                    }));
        }
        assertThat(new Http(system.serviceUrl("point")).getText("/actuator/prometheus").body().asString())
                .containsPattern("saga_messaging_dead_letters_total\\{cause=\"failed\"[^}]*\\} [1-9]");
        // and the saga view's auditor names the order
        await().atMost(SETTLES).untilAsserted(() -> assertThat(saga.http().get("/sagas/" + orderId).body()
                .path("violations").findValuesAsString("rule")).contains("DEAD_LETTERED"));
    }

    @Test
    void ignoresUnknownEventTypesAndEventsOfUnknownOrders() {
        // given
        String holder = SagaClient.newHolder("stranger");
        saga.openAccount(holder, "1000");

        // when
        publish(987_654_321L, "Bogus", "{\"eventType\":\"Bogus\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":987654321,\"timestamp\":1}");
        publish(987_654_322L, "PointUsed", "{\"eventType\":\"PointUsed\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":987654322,\"timestamp\":1,\"userId\":\"" + holder
                + "\",\"point\":5,\"balance\":995}");
        long orderId = saga.placeOrderId(holder, "1", "100");

        // then
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.http().get("/orders/987654322").status()).isEqualTo(404);
        assertThat(saga.balance(holder)).isEqualByComparingTo("900");
    }

    /** Redelivery has no visible outcome to wait for, so the balance is watched for a while. */
    private void assertBalanceStays(String holder, String expected) {
        await().during(Duration.ofMillis(1500)).atMost(SETTLES)
                .untilAsserted(() -> assertThat(saga.balance(holder)).isEqualByComparingTo(expected));
    }

    private void publish(long orderId, String type, String json) {
        publish(Long.toString(orderId), type, json);
    }

    private void publish(String key, String type, String json) {
        producer.publish(key, type, json);
    }
}
