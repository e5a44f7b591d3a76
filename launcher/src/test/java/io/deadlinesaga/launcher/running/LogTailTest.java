package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @TempDir
    Path folder;

    @Test
    void showsOnlyTheLinesSinceThePartsLastStartAtMostTheLastOnes() throws IOException {
        // given
        Path log = folder.resolve("order.log");
        Files.write(log, List.of("===== 2026-11-30 08:00:00  ./saga starting order =====", "old run", "",
                "===== 2026-11-30 09:00:00  ./saga starting order =====", "one", "two", "three"));

        // when
        List<String> all = LogTail.sinceLastStart(log, 40);
        List<String> lastTwo = LogTail.sinceLastStart(log, 2);

        // then
        assertThat(all).containsExactly("===== 2026-11-30 09:00:00  ./saga starting order =====", "one", "two", "three");
        assertThat(lastTwo).containsExactly("two", "three");
    }
}
