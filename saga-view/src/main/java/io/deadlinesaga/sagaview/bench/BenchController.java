package io.deadlinesaga.sagaview.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.deadlinesaga.messaging.web.ApiProblem;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bench}: a page that charts the latest bench; {@code GET /bench/results}: that bench's JSON. The
 * file is read at every request, so a bench that ends while the view runs shows at the next reload; it is
 * served as {@code ./saga bench} wrote it, so the page reads every field the bench writes, today's and
 * tomorrow's, without the view knowing them.
 */
@RestController
@RequestMapping("/bench")
class BenchController {

    private static final Resource PAGE = new ClassPathResource("bench-page.html");

    private final Path results;

    BenchController(BenchSettings settings) {
        this.results = settings.results();
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page() throws IOException {
        return PAGE.getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/results", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] results() throws IOException {
        try {
            return Files.readAllBytes(results);
        }
        catch (NoSuchFileException missing) {
            // where it looked: a bench run against another data folder is the likely cause
            throw ApiProblem.notFound("no bench results yet: run ./saga bench (there is no " + results + ")");
        }
    }
}
