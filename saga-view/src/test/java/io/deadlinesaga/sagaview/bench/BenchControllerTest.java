package io.deadlinesaga.sagaview.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /bench} and {@code GET /bench/results} through Spring MVC, without the rest of the view: errors are
 * answered as the view answers them, as problem+json by a plain {@link ResponseEntityExceptionHandler}, which
 * is what Boot adds for {@code spring.mvc.problemdetails.enabled} of {@code saga-defaults.yml}.
 */
class BenchControllerTest {

    private static final String RESULTS = """
            {"startedAt": "2026-11-30T13:40:00Z", "steps": [{"name": "cold", "decidedPerSecond": 98.1}], "raw": null}
            """;

    @TempDir
    Path data;

    private MockMvcTester mvc(Path results) {
        return MockMvcTester.create(MockMvcBuilders.standaloneSetup(new BenchController(new BenchSettings(results)))
                .setControllerAdvice(new ProblemDetails()).build());
    }

    /** As Boot's own handler of {@code spring.mvc.problemdetails.enabled}. */
    @ControllerAdvice
    static class ProblemDetails extends ResponseEntityExceptionHandler {
    }

    @Test
    void servesTheLatestResultsAsTheBenchWroteThem() throws Exception {
        // given
        Path results = Files.createDirectories(data.resolve("bench")).resolve("latest.json");
        Files.writeString(results, RESULTS);

        // when
        var answer = mvc(results).get().uri("/bench/results").accept(MediaType.APPLICATION_JSON).exchange();

        // then
        assertThat(answer).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(answer).bodyText().isEqualTo(RESULTS);
    }

    @Test
    void answersNotFoundWithWhatToRunWhenThereAreNoResults() {
        // given
        Path results = data.resolve("bench").resolve("latest.json");

        // when
        var answer = mvc(results).get().uri("/bench/results").accept(MediaType.APPLICATION_JSON).exchange();

        // then
        assertThat(answer).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.detail").asString()
                .startsWith("no bench results yet: run ./saga bench").contains(results.toString());
    }

    @Test
    void servesThePageThatChartsTheResults() {
        // when
        var answer = mvc(data.resolve("latest.json")).get().uri("/bench").accept(MediaType.TEXT_HTML).exchange();

        // then
        assertThat(answer).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(answer).bodyText().contains("<svg id=\"latency\"", "<svg id=\"throughput\"", "fetch(\"/bench/results\"");
    }
}
