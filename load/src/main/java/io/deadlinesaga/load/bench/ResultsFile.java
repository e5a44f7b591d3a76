package io.deadlinesaga.load.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a bench's results to {@code <data folder>/bench/bench-<UTC time>.json}, and the same to
 * {@code latest.json} beside it (replaced in one move), which the saga view's chart reads by default.
 */
final class ResultsFile {

    static final String FOLDER = "bench";
    static final String LATEST = "latest.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsFile() {
    }

    static String json(BenchResults results) {
        return JSON.writeValueAsString(results);
    }

    /** @return the file written (not {@code latest.json}) */
    static Path write(BenchResults results, Path dataDir, Instant startedAt) {
        Path folder = dataDir.resolve(FOLDER);
        Path file = folder.resolve("bench-" + STAMP.format(startedAt) + ".json");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, json(results) + "\n");
            // the saga view reads latest.json at any moment: it is replaced whole, never seen half written
            Path next = folder.resolve(LATEST + ".next");
            Files.copy(file, next, StandardCopyOption.REPLACE_EXISTING);
            Files.move(next, folder.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the results to " + file, ex);
        }
    }
}
