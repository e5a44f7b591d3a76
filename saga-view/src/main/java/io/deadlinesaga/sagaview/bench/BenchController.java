package io.deadlinesaga.sagaview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.deadlinesaga.messaging.web.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bench/results}: the latest bench's JSON. The file is read at every request, so a bench that ends
 * while the view runs shows at the next request; it is served as {@code ./saga bench} wrote it, so a reader
 * gets every field the bench writes, today's and tomorrow's, without the view knowing them.
 */
@RestController
@RequestMapping("/bench")
class BenchController {

    private final Path results;

    BenchController(BenchSettings settings) {
        this.results = settings.results();
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
