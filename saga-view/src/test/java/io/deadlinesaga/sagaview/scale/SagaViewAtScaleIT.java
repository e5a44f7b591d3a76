package io.deadlinesaga.sagaview.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.deadlinesaga.contract.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance: the saga view over many orders (200,000 by default, about 800,000 events;
 * {@code -Dsaga.view.orders=N} for another count) in a small heap, as a process of its own, against a real
 * broker; then killed and started again, it answers at once from its store and does not read the topic again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaViewAtScaleIT {

    private static final Logger log = LoggerFactory.getLogger(SagaViewAtScaleIT.class);
    private static final String TOPIC = Wire.TOPIC;
    private static final int PARTITIONS = 6;
    private static final int ORDERS = Integer.getInteger("saga.view.orders", 200_000);
    private static final String HEAP = System.getProperty("saga.view.heap", "96m");
    private static final Duration CATCH_UP = Duration.ofMinutes(Long.getLong("saga.view.catch-up-minutes", 5));
    private static final Path OUTPUT = Paths.get("target", "saga-view-at-scale");

    private EmbeddedKafkaKraftBroker broker;
    private Path dataDir;
    private ViewProcess view;

    @BeforeAll
    void putOrdersOnTheTopic() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC, TOPIC + ".DLT");
        broker.afterPropertiesSet();
        dataDir = Files.createTempDirectory("saga-view-at-scale");
        SyntheticOrders.produce(broker.getBrokersAsString(), TOPIC, 1, ORDERS);
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (view != null) {
            view.close();
        }
        broker.destroy();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void catchesUpWithEveryOrderInASmallHeapAndSaysHowFarBehindItIsMeanwhile() {
        // when
        long started = System.nanoTime();
        view = ViewProcess.start(HEAP, broker.getBrokersAsString(), dataDir, OUTPUT.resolve("view-first.log"));
        await().atMost(Duration.ofMinutes(2)).until(() -> view.get("/actuator/health").status() != 0);
        ViewProcess.Response meanwhile = view.get("/sagas/" + ORDERS);
        ViewProcess.Response meanwhileAsText = view.get("/sagas/" + ORDERS, "text/plain");
        awaitCaughtUp(view);
        long caughtUpMillis = (System.nanoTime() - started) / 1_000_000;

        // then: while catching up, the last order (the last records) was not there yet, and the view said why
        assertThat(meanwhile.status()).as("GET /sagas/{last} while catching up: %s", meanwhile.body()).isEqualTo(503);
        assertThat(meanwhile.retryAfter()).isNotBlank();
        assertThat(meanwhile.body().get("behind").asLong()).isPositive();
        assertThat(meanwhile.body().get("detail").asString()).contains("catching up").contains("events behind");
        assertThat(meanwhileAsText.status()).isEqualTo(503);
        assertThat(meanwhileAsText.body().path("detail").asString()).contains("catching up");
        // and now it holds every order, alive and healthy in its small heap
        assertThat(view.get("/sagas/" + ORDERS).body().get("verdict").asString()).isEqualTo("CONSISTENT");
        assertThat(view.get("/sagas/1").body().get("timeline").size()).isEqualTo(4);
        assertThat(view.get("/sagas?verdict=VIOLATION&size=500").body().valueStream()
                .map(saga -> saga.get("orderId").asLong()).toList())
                .as("the violations, newest first").hasSize((int) LongStream.rangeClosed(1, ORDERS).filter(SyntheticOrders::violates).count())
                .isSortedAccordingTo(Comparator.reverseOrder())
                .allMatch(SyntheticOrders::violates);
        assertThat(view.isAlive()).as("alive (see %s)", view.log()).isTrue();
        log.info("the saga view (-Xmx{}) caught up with {} orders in {} ms from its start, {} ms of CPU;"
                + " resident {} KB", HEAP, ORDERS, caughtUpMillis, view.cpuTime().toMillis(),
                view.residentKilobytes().orElse(-1));
    }

    @Test
    @Order(2)
    void answersAtOnceAfterAKillAndDoesNotReadTheTopicAgain() {
        // given
        if (view == null || !view.isAlive()) {
            view = ViewProcess.start(HEAP, broker.getBrokersAsString(), dataDir, OUTPUT.resolve("view-first.log"));
            awaitCaughtUp(view);
        }

        // when
        view.kill();
        long started = System.nanoTime();
        view = ViewProcess.start(HEAP, broker.getBrokersAsString(), dataDir, OUTPUT.resolve("view-restarted.log"));
        await().atMost(Duration.ofMinutes(2)).until(() -> view.get("/actuator/health").status() != 0);
        ViewProcess.Response oldOrder = view.get("/sagas/1");
        ViewProcess.Response lastOrder = view.get("/sagas/" + ORDERS);
        long answeredMillis = (System.nanoTime() - started) / 1_000_000;

        // then: its first answers come from its store
        assertThat(oldOrder.status()).as("GET /sagas/1: %s", oldOrder.body()).isEqualTo(200);
        assertThat(oldOrder.body().get("verdict").asString()).isEqualTo("CONSISTENT");
        assertThat(lastOrder.status()).isEqualTo(200);
        assertThat(view.get("/actuator/health").body().at("/components/listener/details/behind").asLong(-1))
                .as("behind, as it starts").isZero();
        // and once it is given its partitions back (the topic's and its dead-letter topic's), it goes on from
        // where it was: nothing read again
        await().atMost(Duration.ofMinutes(1)).until(() -> view.get("/actuator/health").body()
                .at("/components/listener/details/partitions").asInt(0) == 2 * PARTITIONS);
        assertThat(view.metric("saga_view_records_read_total")).as("records read since the restart").isZero();
        assertThat(view.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        log.info("the saga view, killed and started again, answered order 1 {} ms after its start; resident {} KB",
                answeredMillis, view.residentKilobytes().orElse(-1));
    }

    private static void awaitCaughtUp(ViewProcess view) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .failFast("the view's process ended (see " + view.log() + ")", () -> !view.isAlive())
                .until(() -> {
                    ViewProcess.Response health = view.get("/actuator/health");
                    return "UP".equals(health.body().path("status").asString(""))
                            && health.body().at("/components/listener/details/behind").asLong(-1) == 0
                            && view.get("/sagas/" + ORDERS).status() == 200;
                });
    }
}
