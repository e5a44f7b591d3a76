package io.deadlinesaga.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as ./saga runs it ({@code gateway.yml}), in front of real HTTP servers standing for the services'
 * instances, listed in {@code ORDER_URL} … {@code SAGA_VIEW_URL}: it takes them in turn, sends a failed request to
 * the next one when that is safe, and leaves out one whose health is down. The retry tests turn the health checks
 * of their services off, so that the broken instance stays in rotation and every request may meet it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        "spring.main.banner-mode=off",
        "spring.cloud.loadbalancer.health-check.interval=200ms",
        "spring.cloud.loadbalancer.health-check.path.exchange=",
        "spring.cloud.loadbalancer.health-check.path.point=",
        "spring.cloud.loadbalancer.health-check.path.deadline=",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
class GatewayBalancingTest {

    private static final Backend ORDER_1 = Backend.answering("order-1");
    private static final Backend ORDER_2 = Backend.answering("order-2");
    private static final Backend EXCHANGE_1 = Backend.answering("exchange-1");
    private static final Backend EXCHANGE_2 = Backend.answering("exchange-2");
    private static final String POINT_REFUSING = Backend.refusingUrl();
    private static final Backend POINT = Backend.answering("point");
    private static final Backend DEADLINE_BREAKING = Backend.breaking("deadline-breaking");
    private static final Backend DEADLINE = Backend.answering("deadline");
    private static final Backend SAGA_VIEW = Backend.answering("saga-view");

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        // a space after the comma, as one types it
        registry.add("ORDER_URL", () -> ORDER_1.url() + ", " + ORDER_2.url());
        registry.add("EXCHANGE_URL", () -> EXCHANGE_1.url() + "," + EXCHANGE_2.url());
        registry.add("POINT_URL", () -> POINT_REFUSING + "," + POINT.url());
        registry.add("DEADLINE_URL", () -> DEADLINE_BREAKING.url() + "," + DEADLINE.url());
        registry.add("SAGA_VIEW_URL", SAGA_VIEW::url);
    }

    @AfterAll
    static void stopBackends() {
        Stream.of(ORDER_1, ORDER_2, EXCHANGE_1, EXCHANGE_2, POINT, DEADLINE_BREAKING, DEADLINE, SAGA_VIEW)
                .forEach(Backend::close);
    }

    @Test
    void spreadsRequestsOverTheInstancesInTurn() {
        // when
        List<String> answeredBy = answerers(10, () -> get("/orders"));

        // then
        assertThat(answeredBy).filteredOn("order-1"::equals).hasSize(5);
        assertThat(answeredBy).filteredOn("order-2"::equals).hasSize(5);
    }

    @Test
    void answersTwentyGetsInARowWhileOneOfTwoInstancesIsStopped() {
        // given
        assertThat(answerers(2, () -> get("/exchanges"))).containsExactlyInAnyOrder("exchange-1", "exchange-2");
        EXCHANGE_2.close();

        // when
        List<HttpResponse<String>> responses = Stream.generate(() -> get("/exchanges")).limit(20).toList();

        // then
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("exchange-1");
        });
    }

    @Test
    void sendsAPostWhoseConnectionWasRefusedToTheNextInstance() {
        // when
        List<HttpResponse<String>> responses = Stream.generate(() -> post("/points")).limit(4).toList();

        // then
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("point");
        });
        assertThat(POINT.received("POST /points")).isEqualTo(4);
    }

    @Test
    void sendsAGetWhoseConnectionWasCutToTheNextInstance() {
        // when
        List<HttpResponse<String>> responses = Stream.generate(() -> get("/deadlines/cut")).limit(2).toList();

        // then
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("deadline");
        });
        assertThat(DEADLINE_BREAKING.received("GET /deadlines/cut")).isPositive();
    }

    @Test
    void doesNotSendAPostWhoseConnectionWasCutAfterItWasSentAgain() {
        // when: one of the two goes to the breaking instance first
        List<Integer> statuses = Stream.generate(() -> post("/deadlines/cut")).limit(2)
                .map(HttpResponse::statusCode).toList();

        // then
        assertThat(statuses).as("the gateway answers a connection lost before the answer with 500")
                .containsExactlyInAnyOrder(200, 500);
        assertThat(DEADLINE_BREAKING.received("POST /deadlines/cut")).isEqualTo(1);
        assertThat(DEADLINE.received("POST /deadlines/cut")).isEqualTo(1);
    }

    @Test
    void doesNotSendAPostThatTimedOutAgain() {
        // when: one of the two goes to the instance that never answers first
        List<Integer> statuses = Stream.generate(() -> post("/deadlines/slow")).limit(2)
                .map(HttpResponse::statusCode).toList();

        // then
        assertThat(statuses).containsExactlyInAnyOrder(200, 504);
        assertThat(DEADLINE_BREAKING.received("POST /deadlines/slow")).isEqualTo(1);
        assertThat(DEADLINE.received("POST /deadlines/slow")).isEqualTo(1);
    }

    @Test
    void leavesOutAnInstanceWhileItsHealthIsDown() {
        // given
        ORDER_2.healthy(false);
        try {
            // then
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> answerers(4, () -> get("/orders")).stream().allMatch("order-1"::equals));
            assertThat(answerers(10, () -> get("/orders"))).containsOnly("order-1");
        }
        finally {
            ORDER_2.healthy(true);
        }

        // then
        await().atMost(Duration.ofSeconds(5))
                .until(() -> answerers(4, () -> get("/orders")).contains("order-2"));
    }

    @Test
    void routesASingleUrlAsBefore() {
        // when
        HttpResponse<String> response = get("/sagas/42");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("saga-view");
        assertThat(SAGA_VIEW.received("GET /sagas/42")).isEqualTo(1);
    }

    @Test
    void refusesABodyOverTheLimitBeforeAnyInstanceGetsIt() {
        // given: chunked, so the gateway counts it as it comes
        byte[] body = new byte[100 * 1024];
        HttpRequest request = request("/points/big").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        // when
        HttpResponse<String> response = send(request);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(POINT.received("POST /points/big")).isZero();
    }

    private static List<String> answerers(int requests, Supplier<HttpResponse<String>> request) {
        return Stream.generate(request).limit(requests).map(HttpResponse::body).toList();
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpResponse<String> post(String path) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}"))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError(request + " got no answer", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request + " interrupted", ex);
        }
    }
}
