package io.deadlinesaga.system;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench page, opened on the saga view in real headless {@link Chromium}: the charts and tables it draws
 * from results as {@code ./saga bench} writes them, and what it says when there are none. The view is started
 * again for this class on a data folder of its own, so that the test decides whether the results are there.
 */
class BenchPageTest {

    /** the results of a bench: a cold step, two that passed, and one past saturation that failed */
    private static final String SAMPLE = "/bench/sample-results.json";
    private static final List<String> STEPS = List.of("cold", "50/s", "100/s", "200/s");

    private static final SagaSystem system = SagaSystem.get();

    @TempDir
    static Path data;
    private static Path results;

    @BeforeAll
    static void viewReadsTheBenchResultsOfAFolderOfItsOwn() {
        results = data.resolve("bench").resolve("latest.json");
        system.restart("saga-view", "--saga.bench.results=" + results);
    }

    @AfterAll
    static void viewAsTheOtherTestsKnowIt() {
        system.restart("saga-view");
    }

    @Test
    void chartsEveryStepAgainstTheRawKafkaCeiling() throws Exception {
        // given
        Files.createDirectories(results.getParent());
        try (InputStream sample = BenchPageTest.class.getResourceAsStream(SAMPLE)) {
            Files.copy(sample, results, StandardCopyOption.REPLACE_EXISTING);
        }

        // when
        String dom = Chromium.dom(url());
        Screenshot screenshot = Chromium.screenshot(url(), "bench", 1200, 2000);

        // then: the latency chart has a point of each percentile per step, the failed step marked
        String latency = element(dom, "<svg id=\"latency\"", "</svg>");
        assertThat(steps(latency, "<g class=\"step[^\"]*\" data-step=\"")).containsExactlyElementsOf(STEPS);
        assertThat(latency.split("<circle class=\"point ", -1)).as("p50, p99 and p99.9 of each step")
                .hasSize(3 * STEPS.size() + 1);
        assertThat(latency).contains("<g class=\"step failed\" data-step=\"200/s\"").contains("200/s ✗ failed");
        // and the throughput chart a bar per step, under the raw Kafka ceiling
        String throughput = element(dom, "<svg id=\"throughput\"", "</svg>");
        assertThat(steps(throughput, "<rect class=\"bar\" data-step=\"")).containsExactlyElementsOf(STEPS);
        assertThat(throughput).contains("<line class=\"ceiling\"")
                .contains("raw Kafka ceiling: 2,500 sagas/s (ratio 0.04)");
        // and the tables a row per step
        assertThat(steps(element(dom, "<table id=\"steps\"", "</table>"), "<tr data-step=\""))
                .containsExactlyElementsOf(STEPS);
        assertThat(steps(element(dom, "<table id=\"memory\"", "</table>"), "<tr data-step=\""))
                .containsExactlyElementsOf(STEPS);
        assertThat(dom).contains("Bench of 2026-11-30 13:40:00 UTC", "2 cores · 24 GiB memory", "Layout: h2",
                "failed: p99 decision latency 9100 ms over the 2000 ms allowed", "<td>17.5</td>", "<td>1,900</td>",
                "2,000 fired", "lateness p50 3 ms, p99 20 ms, max 45 ms (of 2,000)");
        assertThat(screenshot.pixelsNear(0x188038)).as("the raw Kafka ceiling, green").isGreaterThan(300);
        assertThat(screenshot.pixelsNear(0xb3261e)).as("the failed step's bar and marks, red").isGreaterThan(300);
        assertThat(screenshot.pixelsNear(0x1a73e8)).as("the p50 points and the bars that passed, blue")
                .isGreaterThan(300);
    }

    @Test
    void saysToRunTheBenchWhenThereAreNoResults() throws Exception {
        // given
        Files.deleteIfExists(results);

        // when
        String dom = Chromium.dom(url());
        Http.Response answer = new Http(system.serviceUrl("saga-view")).get("/bench/results");

        // then
        assertThat(dom).contains("No bench results yet: run ./saga bench").contains("<div id=\"results\" hidden");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("detail").asString()).startsWith("no bench results yet: run ./saga bench");
    }

    /** On the view's own port: the gateway routes {@code /sagas} to the view, not {@code /bench}. */
    private static String url() {
        return system.serviceUrl("saga-view") + "/bench";
    }

    /** The first element that starts so, up to its end tag (charts and tables hold no element of their own kind). */
    private static String element(String dom, String start, String end) {
        int from = dom.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return dom.substring(from, dom.indexOf(end, from) + end.length());
    }

    /** The steps named by the elements that start so, in the order they are drawn. */
    private static List<String> steps(String html, String elementStart) {
        return Pattern.compile(elementStart + "([^\"]+)\"").matcher(html).results().map(match -> match.group(1))
                .toList();
    }
}
