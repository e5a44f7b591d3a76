package io.deadlinesaga.script;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./saga up --db postgres --instances 2 --brokers 3}, for real: a local PostgreSQL server, three Kafka
 * nodes, two instances of order, exchange, point and deadline as processes of their own, the gateway balancing
 * over them. One instance of each service and one Kafka node are killed with SIGKILL while orders are in flight,
 * and nothing is lost; {@code ./saga down} and {@code up} again keep every balance and order. Its own data
 * folder and ports, beside {@link SagaScriptIT}'s and a user's.
 *
 * <p>The tests build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledOutScriptIT {

    /** three brokers, a database server and ten services on 2 cores: about 100 s */
    private static final Duration UP = Duration.ofMinutes(6);
    private static final Duration DOWN = Duration.ofMinutes(3);
    private static final Duration COMMAND = Duration.ofMinutes(1);
    /** the killed instances' sessions time out (6 s), their partitions move, their orders finish */
    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final List<String> KILLED = List.of("order-1", "exchange-2", "point-1", "deadline-2", "kafka-2");

    private static final SagaScript SAGA = SagaScript.ofThisRepository("scaled-out", 20_000);

    @RegisterExtension
    static final LogTailsOnFailure LOG_TAILS_ON_FAILURE = new LogTailsOnFailure(SAGA);

    private final Gateway gateway = new Gateway(SAGA.gateway());
    private final List<Long> orders = new ArrayList<>();

    @BeforeAll
    void upScaledOut() {
        SAGA.requireBuilt();
        SAGA.startFresh(DOWN);
        SAGA.succeed(UP, "up", "--no-build", "--db", "postgres", "--instances", "2", "--brokers", "3");
    }

    @AfterAll
    void down() {
        SAGA.down(DOWN);
    }

    @Test
    @Order(1)
    void statusShowsEachInstanceAndEachBrokerWithItsPid() {
        // when
        String status = SAGA.succeed(COMMAND, "status").stdout();

        // then
        for (String instance : List.of("kafka-1", "kafka-2", "kafka-3", "postgres", "order-1", "order-2", "exchange-1",
                "exchange-2", "point-1", "point-2", "deadline-1", "deadline-2", "saga-view", "gateway")) {
            assertThat(status).containsPattern("(?m)^" + instance + "\\s+running\\s+pid \\d+");
        }
    }

    @Test
    @Order(2)
    void theWalkthroughGoesThroughTheBalancedGateway() {
        // given
        assertThat(gateway.post("/points", "userId", "jjy", "point", "10000").status()).isEqualTo(201);

        // when
        long approved = placeOrder("500");
        long rejected = placeOrder("50000");

        // then
        await().atMost(SETTLES).ignoreExceptions().untilAsserted(() -> {
            assertThat(order(approved).path("status").asString()).isEqualTo("APPROVED");
            assertThat(order(rejected).path("reason").asString()).isEqualTo("POINT_LIMIT");
            assertThat(order(rejected).path("compensation").asString()).isEqualTo("COMPLETED");
        });
        assertThat(balance("jjy")).isEqualByComparingTo("9500");
        orders.add(approved);
    }

    @Test
    @Order(3)
    void ordersInFlightWhileAnInstanceOfEachServiceAndABrokerAreKilledAreAllDecidedAndAddUp() {
        // given: orders on every partition, in flight
        assertThat(gateway.post("/points", "userId", "kim", "point", "10000").status()).isEqualTo(201);
        List<Long> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(placeOrder("kim", "10"));
        }

        // when: a power cut of one instance of each service and of one Kafka node
        List<String> kill = new ArrayList<>(List.of("kill"));
        kill.addAll(KILLED);
        SAGA.succeed(COMMAND, kill.toArray(String[]::new));
        for (int i = 0; i < 20; i++) {
            inFlight.add(placeOrder("kim", "10"));
        }

        // then: each order decided once, the balance exactly what the approved ones took
        await().atMost(SETTLES).ignoreExceptions().untilAsserted(() -> assertThat(inFlight)
                .allSatisfy(id -> assertThat(order(id).path("status").asString()).isIn("APPROVED", "REJECTED")));
        long approved = inFlight.stream().filter(id -> "APPROVED".equals(order(id).path("status").asString())).count();
        await().atMost(SETTLES).ignoreExceptions().untilAsserted(() -> assertThat(balance("kim"))
                .isEqualByComparingTo(BigDecimal.valueOf(10_000 - 10 * approved)));
        assertThat(inFlight).allSatisfy(id -> assertThat(order(id).path("status").asString()).isIn("APPROVED", "REJECTED"));
        orders.addAll(inFlight.stream().filter(id -> "APPROVED".equals(order(id).path("status").asString())).toList());
        String status = SAGA.succeed(COMMAND, "status").stdout();
        KILLED.forEach(name -> assertThat(status).containsPattern("(?m)^" + name + "\\s+stopped"));
    }

    @Test
    @Order(4)
    void downAndUpAgainKeepEveryBalanceAndOrder() {
        // given
        BigDecimal jjy = balance("jjy");
        BigDecimal kim = balance("kim");

        // when: the same layout, remembered by the data folder
        SAGA.succeed(DOWN, "down");
        SAGA.succeed(UP, "up", "--no-build");

        // then
        assertThat(balance("jjy")).isEqualByComparingTo(jjy);
        assertThat(balance("kim")).isEqualByComparingTo(kim);
        assertThat(orders).isNotEmpty()
                .allSatisfy(id -> assertThat(order(id).path("status").asString()).isEqualTo("APPROVED"));
        assertThat(SAGA.succeed(COMMAND, "status").stdout()).containsPattern("(?m)^order-2\\s+running")
                .containsPattern("(?m)^kafka-3\\s+running");
    }

    private long placeOrder(String amount) {
        return placeOrder("jjy", amount);
    }

    private long placeOrder(String holder, String amount) {
        Gateway.Response placed = gateway.post("/orders", "holderId", holder, "currencyId", "1", "amount", amount);
        assertThat(placed.status()).as("POST /orders: %s", placed.body()).isEqualTo(201);
        return placed.body().path("id").asLong();
    }

    private JsonNode order(long id) {
        return gateway.get("/orders/" + id).body();
    }

    private BigDecimal balance(String userId) {
        return gateway.get("/points/" + userId).body().path("point").decimalValue();
    }
}
