package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a log, since the line that marks the last start of its part. */
final class LogTail {

    static final String START_MARK = " ./saga starting ";

    private LogTail() {
    }

    static List<String> sinceLastStart(Path log, int max) {
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines.forEach(line -> {
                if (line.startsWith("===== ") && line.contains(START_MARK)) {
                    last.clear();
                }
                last.addLast(line);
                if (last.size() > max) {
                    last.removeFirst();
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(last);
    }
}
