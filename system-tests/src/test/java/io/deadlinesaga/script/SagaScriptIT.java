package io.deadlinesaga.script;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.script.SagaScript.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The README's commands, run for real: {@code ./saga up} starts a Kafka broker and every service as its own
 * process, the httpie walkthrough goes through the gateway, {@code ./saga kafka-console-consumer} prints the
 * events, and a point service stopped and started again keeps its state. It runs beside a user's own
 * {@code ./saga up}: its own data folder and ports (see {@link SagaScript}).
 *
 * <p>The tests build on each other, in order: the walkthrough places the orders the later ones look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaScriptIT {

    /** about 60 s on 2 cores; the script itself gives each service up to 120 s */
    private static final Duration UP = Duration.ofMinutes(5);
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DOWN = Duration.ofMinutes(2);
    private static final Duration COMMAND = Duration.ofMinutes(1);
    private static final Duration SETTLES = Duration.ofSeconds(30);
    /** a restart of the system and three short steps: about 3 minutes on 2 cores */
    private static final Duration BENCH = Duration.ofMinutes(8);

    private static final SagaScript SAGA = SagaScript.ofThisRepository();

    @RegisterExtension
    static final LogTailsOnFailure LOG_TAILS_ON_FAILURE = new LogTailsOnFailure(SAGA);

    private final Gateway gateway = new Gateway(SAGA.gateway());
    private long approvedOrder;
    private long rejectedOrder;

    /** {@code --no-build} here and below: the jars this build made, not a rebuild of files edited meanwhile. */
    @BeforeAll
    void upFromAnEmptyDataFolder() {
        SAGA.requireBuilt();
        SAGA.startFresh(DOWN);
        SAGA.succeed(UP, "up", "--no-build");
    }

    @AfterAll
    void down() {
        SAGA.down(DOWN);
    }

    @Test
    @Order(0)
    void everyServiceRunsFromItsBuildsFolderWithTheClassDataArchiveMapped() throws Exception {
        for (String service : List.of("order", "exchange", "point", "deadline", "saga-view", "gateway")) {
            // given
            String pid = Files.readString(SAGA.dataDir().resolve("run/" + service + ".pid")).trim();

            // when
            String command = Files.readString(Path.of("/proc", pid, "cmdline"));
            String mapped = Files.readString(Path.of("/proc", pid, "maps"));

            // then
            String folder = service + "/target/app/[0-9]+-[0-9]+-java[0-9A-Za-z._]+/";
            assertThat(command).as(service).containsPattern(folder + service + "-exec\\.jar");
            assertThat(mapped).as(service + ": the archive in use").containsPattern(folder + "classes\\.jsa");
        }
    }

    @Test
    @Order(1)
    void approvesAnOrderTheBalanceCoversAndDeductsItsPoints() {
        // given: http :8088/points userId="jjy" point=10000
        Gateway.Response account = gateway.post("/points", "userId", "jjy", "point", "10000");
        assertThat(account.status()).as("POST /points: %s", account.body()).isEqualTo(201);

        // when: http :8088/orders holderId="jjy" currencyId=1 amount=500
        approvedOrder = placeOrder("500");

        // then
        await().atMost(SETTLES).untilAsserted(() -> assertApproved(order(approvedOrder)));
        assertThat(balance("jjy")).isEqualByComparingTo("9500");
    }

    @Test
    @Order(2)
    void rejectsAnOrderOverThePointLimitAndCompensatesIt() {
        // given: jjy's 9500 points, from above

        // when: http :8088/orders holderId="jjy" currencyId=1 amount=50000
        rejectedOrder = placeOrder("50000");

        // then
        await().atMost(SETTLES).untilAsserted(() -> assertRejectedForPointLimitAndCompensated(order(rejectedOrder)));
        assertThat(balance("jjy")).isEqualByComparingTo("9500");
    }

    @Test
    @Order(3)
    void consoleConsumerPrintsEachOrdersEventsInSagaOrderKeyedByTheOrderId() {
        // given: the approved order (4 events) and the rejected one (6 events), from above
        requireTheWalkthroughsOrders();

        // when
        Run consumer = SAGA.succeed(COMMAND, "kafka-console-consumer", "--from-beginning",
                "--formatter-property", "print.key=true", "--max-messages", "10", "--timeout-ms", "20000");

        // then
        List<Printed> printed = consumer.stdout().lines().map(Printed::of).toList();
        assertThat(printed).as("the records printed; stderr:%n%s", consumer.stderr()).hasSize(10)
                .allSatisfy(record -> assertThat(record.key())
                        .isEqualTo(Long.toString(record.value().path("orderId").asLong())));
        Map<String, List<String>> typesByKey = printed.stream().collect(groupingBy(Printed::key, LinkedHashMap::new,
                mapping(record -> record.value().path("eventType").asString(), toList())));
        assertThat(typesByKey).containsOnly(
                entry(Long.toString(approvedOrder),
                        List.of("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced")),
                entry(Long.toString(rejectedOrder),
                        List.of("OrderCreated", "ExchangeSucceed", "PointUseFailed", "OrderRejected",
                                "ExchangeCompensated", "PointUseCompensated")));
    }

    @Test
    @Order(4)
    void eventsPrintsOneOrdersEventsOneLineEach() {
        // given
        requireTheWalkthroughsOrders();

        // when: (the view may still be reading the topic)
        await().atMost(SETTLES).untilAsserted(() -> assertThat(SAGA.succeed(COMMAND, "events",
                Long.toString(rejectedOrder)).stdout().lines()).hasSize(6));
        Run events = SAGA.succeed(COMMAND, "events", Long.toString(rejectedOrder));

        // then
        List<String> lines = events.stdout().lines().toList();
        assertThat(lines).as("./saga events %d; stderr:%n%s", rejectedOrder, events.stderr()).hasSize(6)
                .allSatisfy(line -> assertThat(line).contains("order " + rejectedOrder + " "));
        assertThat(lines.get(0)).contains("OrderCreated").contains("holderId=jjy");
        assertThat(lines.get(3)).contains("OrderRejected").contains("reason=POINT_LIMIT");
        assertThat(lines.get(5)).contains("PointUseCompensated");
    }

    @Test
    @Order(5)
    void pointStoppedAndStartedAgainKeepsBalancesAndOrders() {
        // given
        requireTheWalkthroughsOrders();
        SAGA.succeed(COMMAND, "stop", "point");
        assertThat(SAGA.succeed(COMMAND, "status").stdout())
                .containsPattern("(?m)^point\\s+stopped\\s")
                .containsPattern("(?m)^order\\s+running");

        // when
        SAGA.succeed(START, "start", "point", "--no-build");

        // then
        await().atMost(SETTLES).ignoreExceptions()
                .untilAsserted(() -> assertThat(balance("jjy")).isEqualByComparingTo("9500"));
        assertApproved(order(approvedOrder));
        assertRejectedForPointLimitAndCompensated(order(rejectedOrder));
    }

    @Test
    @Order(6)
    void anOrderPlacedJustBeforeAKillSurvivesIt() throws Exception {
        // given
        long orderId = placeOrder("100");

        // when: the order service dies at once, as with a power cut of the process
        long pid = Long.parseLong(Files.readString(SAGA.dataDir().resolve("run/order.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(SETTLES).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        SAGA.succeed(START, "start", "order", "--no-build");

        // then: what it answered 201 for is still there, and its saga ends one way or the other (the restart
        // may take longer than the deadline, and the killed consumer's session must time out), with the
        // balance to match
        await().atMost(SETTLES.multipliedBy(2)).ignoreExceptions().untilAsserted(() -> assertThat(order(orderId).path("status")
                .asString()).isIn("APPROVED", "REJECTED"));
        assertThat(order(orderId).path("amount").decimalValue()).as("the very order placed").isEqualByComparingTo("100");
        String expected = "APPROVED".equals(order(orderId).path("status").asString()) ? "9400" : "9500";
        await().atMost(SETTLES).ignoreExceptions()
                .untilAsserted(() -> assertThat(balance("jjy")).isEqualByComparingTo(expected));
    }

    /** Last: the bench stops the system and brings it up again before it measures. */
    @Test
    @Order(7)
    void benchMeasuresEachStepBesideRawKafkaAndTheDeadlinesAndTheViewChartsIt() {
        // when: a bench small enough for a test
        Run bench = SAGA.succeed(BENCH, "bench", "--no-build", "--cold-rate", "10", "--rates", "10",
                "--step-seconds", "5", "--pending-deadlines", "1000", "--deadline-probes", "50");

        // then: a row per step, the raw-Kafka reference and its ratio, the deadlines, the results file
        assertThat(bench.stdout())
                .contains("bench summary")
                .containsPattern("(?m)^ready in +[0-9.]+ s")
                .containsPattern("(?m)^cold +10 +50 ")
                .containsPattern("(?m)^warm-10 +10 +50 ")
                .containsPattern("(?m)^raw Kafka +\\d+ records of \\d+ bytes read by 5 groups .* the saga decided [0-9.]+ of that")
                .containsPattern("(?m)^deadlines +1000 pending; 50 of 50 probes fired, lateness p50 \\d+ ms")
                .contains("results ").contains("/bench");
        JsonNode written = Gateway.JSON.readTree(SAGA.dataDir().resolve("bench/latest.json").toFile());
        assertThat(written.path("steps")).hasSize(2);
        assertThat(written.path("steps").get(0).path("cpuMsPerSaga").path("order").asDouble()).isPositive();
        assertThat(written.path("raw").path("ratio").asDouble()).isPositive();
        assertThat(written.path("deadlines").path("fired").asInt()).isEqualTo(50);

        // and the saga view serves them, through the gateway, for its chart at /bench
        Gateway.Response served = gateway.get("/bench/results");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body().path("startedAt").asString()).isEqualTo(written.path("startedAt").asString());
    }

    private long placeOrder(String amount) {
        Gateway.Response placed = gateway.post("/orders", "holderId", "jjy", "currencyId", "1", "amount", amount);
        assertThat(placed.status()).as("POST /orders: %s", placed.body()).isEqualTo(201);
        return placed.body().path("id").asLong();
    }

    private JsonNode order(long id) {
        return gateway.get("/orders/" + id).body();
    }

    private BigDecimal balance(String userId) {
        return gateway.get("/points/" + userId).body().path("point").decimalValue();
    }

    private static void assertApproved(JsonNode order) {
        assertThat(order.path("status").asString()).as("status of %s", order).isEqualTo("APPROVED");
    }

    private static void assertRejectedForPointLimitAndCompensated(JsonNode order) {
        assertThat(order.path("status").asString()).as("status of %s", order).isEqualTo("REJECTED");
        assertThat(order.path("reason").asString()).as("reason of %s", order).isEqualTo("POINT_LIMIT");
        assertThat(order.path("compensation").asString()).as("compensation of %s", order).isEqualTo("COMPLETED");
    }

    private void requireTheWalkthroughsOrders() {
        assertThat(List.of(approvedOrder, rejectedOrder)).as("the orders the walkthrough above placed")
                .doesNotContain(0L);
    }

    /** A line of the console consumer with {@code print.key=true}: the key, a tab, the JSON value. */
    private record Printed(String key, JsonNode value) {

        static Printed of(String line) {
            assertThat(line).as("a printed record").matches("[^\\t]+\\t\\{.*\\}");
            String[] keyAndValue = line.split("\t", 2);
            return new Printed(keyAndValue[0], Gateway.JSON.readTree(keyAndValue[1]));
        }
    }
}
