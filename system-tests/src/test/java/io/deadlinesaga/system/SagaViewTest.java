package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.OrderCreated;
import io.deadlinesaga.system.TopicObserver.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /sagas: one order's timeline, each participant's state and the auditor's verdict, from the topic alone. */
class SagaViewTest {

    private static final Duration SETTLES = Duration.ofSeconds(20);
    /** saga.audit.decision-grace of saga-view.yml */
    private static final Duration DECISION_GRACE = Duration.ofSeconds(5);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void showsAnApprovedOrdersTimelineAsConsistent() {
        // given
        String holder = SagaClient.newHolder("viewed");
        saga.openAccount(holder, "1000");

        // when
        long orderId = saga.placeOrderId(holder, "1", "100");
        saga.awaitSettled(orderId, SETTLES);

        // then
        JsonNode view = awaitVerdict(orderId, "CONSISTENT");
        assertThat(view.get("timeline").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced");
        assertThat(view.get("timeline").valueStream().map(e -> e.get("service").asString()))
                .containsExactly("order", "exchange", "point", "order");
        JsonNode first = view.get("timeline").get(0);
        assertThat(first.get("offset").asLong()).isNotNegative();
        assertThat(first.get("fields").get("holderId").asString()).isEqualTo(holder);
        assertThat(view.get("participants").get("order").asString()).isEqualTo("APPROVED");
        assertThat(view.get("participants").get("exchange").asString()).isEqualTo("EXCHANGED");
        assertThat(view.get("participants").get("point").asString()).isEqualTo("DEDUCTED");
        assertThat(view.get("participants").get("deadline").asString()).isEqualTo("CANCELLED");
        assertThat(view.get("deadline").asLong()).isEqualTo(saga.order(orderId).get("deadline").asLong());
    }

    @Test
    void showsACompensatedOrderAsConsistent() {
        // given
        String holder = SagaClient.newHolder("viewed");
        saga.openAccount(holder, "1000");

        // when
        long orderId = saga.placeOrderId(holder, "1", "5000");
        saga.awaitSettled(orderId, SETTLES);

        // then
        JsonNode view = awaitVerdict(orderId, "CONSISTENT");
        assertThat(view.get("participants").get("order").asString()).isEqualTo("COMPENSATED");
        assertThat(view.get("participants").get("exchange").asString()).isEqualTo("COMPENSATED");
        assertThat(view.get("participants").get("point").asString()).isEqualTo("NOTHING_TO_REFUND");
    }

    @Test
    void namesTheBrokenRuleWhenAnOrderIsPlacedAfterItsRejection() {
        // given
        long orderId = rejectedOrder();

        // when
        publishCopyOf(orderId, "OrderRejected", "OrderPlaced", Map.of());

        // then
        JsonNode view = awaitVerdict(orderId, "VIOLATION");
        assertThat(view.get("violations").get(0).get("rule").asString()).isEqualTo("APPROVED_AND_REJECTED");
        assertThat(view.get("violations").get(0).get("invariant").asString()).isEqualTo("I5");
        assertThat(violations()).contains(orderId);
        assertThat(saga.order(orderId).get("status").asString()).as("order stays the arbiter").isEqualTo("REJECTED");
    }

    @Test
    void namesTheBrokenRuleWhenARejectedOrderIsRefundedTwice() {
        // given
        long orderId = rejectedOrder();

        // when
        publishCopyOf(orderId, "PointUseCompensated", "PointUseCompensated", Map.of("refunded", new BigDecimal("5")));

        // then
        JsonNode view = awaitVerdict(orderId, "VIOLATION");
        assertThat(view.get("violations").valueStream().map(v -> v.get("rule").asString()))
                .contains("MORE_THAN_ONE_REFUND", "POINTS_NOT_RESTORED");
        assertThat(view.get("violations").get(0).get("invariant").asString()).isEqualTo("I3");
    }

    @Test
    void listsAnOrderLeftUndecidedAsAViolationOnceItsDeadlineAndGraceHavePassed() {
        // given: an order only a foreign producer knows, so nobody decides it; its deadline and grace end in 3 s
        long orderId = 987_650_000L + System.nanoTime() % 10_000;
        long deadline = System.currentTimeMillis() - DECISION_GRACE.toMillis() + 3_000;
        OrderCreated created = OrderCreated.of(orderId, SagaClient.newHolder("forgotten"), 1, BigDecimal.TEN, deadline);

        // when
        try (ForeignProducer producer = new ForeignProducer(system.bootstrapServers())) {
            producer.publish(Long.toString(orderId), created.eventType(), new EventCodec().toJson(created));
        }

        // then: no event of it arrives after that time; the view's rechecks turn its verdict with the clock
        await().atMost(SETTLES).until(() -> violations().contains(orderId));
        assertThat(view(orderId).get("violations").valueStream().map(v -> v.get("rule").asString()))
                .containsExactly("UNDECIDED_PAST_DEADLINE");
    }

    @Test
    void listsSagasInProgress() {
        // given
        long orderId = saga.placeOrderId(SagaClient.newHolder("waiting"), "1", "10");

        // then
        await().atMost(SETTLES).untilAsserted(() -> assertThat(saga.http().get("/sagas?verdict=IN_PROGRESS").body()
                .valueStream().map(s -> s.get("orderId").asLong())).contains(orderId));
    }

    @Test
    void answersNotFoundForAnOrderNotOnTheTopicOnceItHasReadTheWholeTopic() {
        // when
        Http.Response unknown = awaitStatusOtherThanCatchingUp("/sagas/987654399");

        // then
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asString()).isEqualTo("no event of order 987654399 on the topic");
    }

    @Test
    void listsSagasNewestOrderFirstAPageAtATime() {
        // given
        String holder = SagaClient.newHolder("paged");
        saga.openAccount(holder, "1000");
        long older = saga.placeOrderId(holder, "1", "1");
        long newer = saga.placeOrderId(holder, "1", "2");
        await().atMost(SETTLES).until(() -> saga.http().get("/sagas/" + newer).status() == 200);

        // when
        List<Long> first = orderIds(saga.http().get("/sagas?size=1"));
        List<Long> second = orderIds(saga.http().get("/sagas?page=1&size=1"));

        // then
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(first.get(0)).isGreaterThanOrEqualTo(newer).isGreaterThan(second.get(0));
        assertThat(orderIds(saga.http().get("/sagas?size=500"))).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .contains(newer, older);
    }

    @ParameterizedTest
    @CsvSource({"page=x, page", "page=-1, page", "size=0, size", "size=501, size", "size=ten, size"})
    void refusesAPageOrSizeItCannotServe(String query, String parameter) {
        // when
        Http.Response refused = saga.http().get("/sagas?verdict=VIOLATION&" + query);

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).startsWith(parameter + " must be a whole number");
    }

    @Test
    void saysItIsDownWhileItsListenerIsNotRunning() {
        // given
        MessageListenerContainer listener = system.bean("saga-view", KafkaListenerEndpointRegistry.class)
                .getListenerContainer("saga-view");
        Http view = new Http(system.serviceUrl("saga-view"));

        try {
            // when
            listener.stop();

            // then
            Http.Response health = view.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asString()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/listener/status").asString()).isEqualTo("DOWN");
        }
        finally {
            listener.start();
        }
        await().atMost(SETTLES).until(() -> "UP".equals(view.get("/actuator/health").body().path("status").asString("")));
    }

    @Test
    void saysItIsDownWhenItsConsumerHasStoppedAfterAnErrorThoughItsContainerStillRuns() {
        // given
        MessageListenerContainer listener = system.bean("saga-view", KafkaListenerEndpointRegistry.class)
                .getListenerContainer("saga-view");
        Http view = new Http(system.serviceUrl("saga-view"));
        await().atMost(SETTLES).until(() -> listener.getContainerFor(SagaSystem.TOPIC, 0) != null);

        try {
            // when: the consumer stops as an Error in it would stop it
            listener.getContainerFor(SagaSystem.TOPIC, 0).stopAbnormally(() -> {
            });

            // then
            await().atMost(SETTLES).until(() -> view.get("/actuator/health").status() == 503);
            assertThat(listener.isRunning()).as("the container itself").isTrue();
            assertThat(view.get("/actuator/health").body().at("/components/listener/status").asString())
                    .isEqualTo("DOWN");
        }
        finally {
            listener.stop();
            listener.start();
        }
        await().atMost(SETTLES).until(() -> "UP".equals(view.get("/actuator/health").body().path("status").asString("")));
    }

    private long rejectedOrder() {
        String holder = SagaClient.newHolder("audited");
        saga.openAccount(holder, "10");
        long orderId = saga.placeOrderId(holder, "1", "100");
        saga.awaitSettled(orderId, SETTLES);
        awaitVerdict(orderId, "CONSISTENT");
        return orderId;
    }

    private JsonNode awaitVerdict(long orderId, String verdict) {
        await().atMost(SETTLES).until(() -> verdict.equals(view(orderId).path("verdict").asString("")));
        return view(orderId);
    }

    private JsonNode view(long orderId) {
        return saga.http().get("/sagas/" + orderId).body();
    }

    private Http.Response awaitStatusOtherThanCatchingUp(String path) {
        await().atMost(SETTLES).until(() -> saga.http().get(path).status() != 503);
        return saga.http().get(path);
    }

    private static List<Long> orderIds(Http.Response sagas) {
        assertThat(sagas.status()).as("GET /sagas: %s", sagas.body()).isEqualTo(200);
        return sagas.body().valueStream().map(s -> s.get("orderId").asLong()).toList();
    }

    private List<Long> violations() {
        return saga.http().get("/sagas?verdict=VIOLATION").body().valueStream().map(s -> s.get("orderId").asLong())
                .toList();
    }

    /** Puts on the topic, as a foreign producer would, an event made from one the order already has. */
    private void publishCopyOf(long orderId, String fromType, String asType, Map<String, BigDecimal> changes) {
        await().atMost(SETTLES).until(() -> system.topic().typesOf(orderId).contains(fromType));
        Seen original = system.topic().eventsOf(orderId).stream().filter(e -> fromType.equals(e.type())).findFirst()
                .orElseThrow();
        ObjectNode copy = (ObjectNode) original.value().deepCopy();
        copy.put("eventType", asType);
        copy.put("eventId", UUID.randomUUID().toString());
        changes.forEach(copy::put);
        try (ForeignProducer producer = new ForeignProducer(system.bootstrapServers())) {
            producer.publish(Long.toString(orderId), asType, copy.toString());
        }
    }
}
