package io.deadlinesaga.load.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The results file is what the saga view's chart reads: its fields are a contract. */
class ResultsFileTest {

    @TempDir
    Path data;

    private final JsonMapper json = JsonMapper.builder().build();

    private static BenchResults results(BenchResults.Raw raw, BenchResults.Deadlines deadlines) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("order", 4.7);
        cpu.put("saga-view", 0.7);
        cpu.put("kafka", 2.8);
        cpu.put("load", 1.7);
        BenchResults.Step step = new BenchResults.Step("cold", true, 100, 3000, 99.8, 98.1,
                new BenchResults.LatencyMs(120, 900, 1500, 2100), new BenchResults.LatenessMs(0, 0, 0, 0), 0, true, null,
                cpu, 17.5, Map.of("order", 300_000_000L, "kafka", 400_000_000L), 1_900_000_000L, 18_000, 310);
        return new BenchResults("2026-11-30T13:40:00Z", new BenchResults.Machine(2, 25_769_803_776L, "17.0.13", "Linux 6.1"),
                new BenchResults.Layout("h2", 1, 1), 24.3, List.of(step), 100, raw, deadlines);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.propertyNames().iterator();
        iterator.forEachRemaining(names::add);
        return names;
    }

    @Test
    void writesTheFieldsTheChartReadsInTheirOrder() {
        // given
        BenchResults results = results(new BenchResults.Raw(18_000, 310, 5, 1.2, 15_000.0, 2_500.0, 0.04),
                new BenchResults.Deadlines(100_000, 2_000, 2_000, new BenchResults.LatenessMs(2_000, 3, 20, 45)));

        // when
        JsonNode file = json.readTree(ResultsFile.json(results));

        // then
        assertThat(names(file)).containsExactly("startedAt", "machine", "layout", "readySeconds", "steps", "bestRate",
                "raw", "deadlines");
        assertThat(file.path("startedAt").asString()).isEqualTo("2026-11-30T13:40:00Z");
        assertThat(names(file.path("machine"))).containsExactly("cores", "memoryBytes", "java", "os");
        assertThat(file.path("machine").path("memoryBytes").asLong()).isEqualTo(25_769_803_776L);
        assertThat(names(file.path("layout"))).containsExactly("database", "instances", "brokers");
        JsonNode step = file.path("steps").get(0);
        assertThat(names(step)).containsExactly("name", "cold", "rate", "orders", "sentPerSecond", "decidedPerSecond",
                "latencyMs", "deadlineLatenessMs", "violations", "passed", "failure", "cpuMsPerSaga",
                "cpuMsPerSagaServicesAndBroker", "residentBytes", "residentBytesTotal", "records", "recordBytes");
        assertThat(names(step.path("latencyMs"))).containsExactly("p50", "p99", "p999", "max");
        assertThat(names(step.path("deadlineLatenessMs"))).containsExactly("count", "p50", "p99", "max");
        assertThat(step.path("failure").isNull()).isTrue();
        assertThat(names(step.path("cpuMsPerSaga"))).containsExactly("order", "saga-view", "kafka", "load");
        assertThat(step.path("cpuMsPerSaga").path("order").asDouble()).isEqualTo(4.7);
        assertThat(step.path("sentPerSecond").asDouble()).isEqualTo(99.8);
        assertThat(file.path("bestRate").asInt()).isEqualTo(100);
        assertThat(names(file.path("raw"))).containsExactly("records", "recordBytes", "groups", "seconds",
                "recordsPerSecond", "sagasPerSecond", "ratio");
        assertThat(names(file.path("deadlines"))).containsExactly("pending", "probes", "fired", "latenessMs");
        assertThat(names(file.path("deadlines").path("latenessMs"))).containsExactly("count", "p50", "p99", "max");
    }

    @Test
    void writesNullForWhatWasSkipped() {
        // when
        JsonNode file = json.readTree(ResultsFile.json(results(null, null)));

        // then
        assertThat(file.has("raw")).isTrue();
        assertThat(file.path("raw").isNull()).isTrue();
        assertThat(file.path("deadlines").isNull()).isTrue();
    }

    @Test
    void writesTheFileOfTheRunAndTheLatest() throws IOException {
        // when
        Path written = ResultsFile.write(results(null, null), data, Instant.parse("2026-11-30T13:40:05.123Z"));

        // then
        assertThat(written).isEqualTo(data.resolve("bench/bench-20261130T134005Z.json"));
        assertThat(json.readTree(written.toFile()).path("readySeconds").asDouble()).isEqualTo(24.3);
        assertThat(Files.readString(data.resolve("bench/latest.json"))).isEqualTo(Files.readString(written));
    }
}
