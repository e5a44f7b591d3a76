package io.deadlinesaga.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintTest {

    @TempDir
    Path data;

    @Test
    void readsTheDatabasesTheFolderAndTheResidentMemoryOfRunningParts() throws IOException {
        // given: two database files, a log, and the pid of a running process (this one)
        Files.createDirectories(data.resolve("db"));
        Files.write(data.resolve("db/order.mv.db"), new byte[3000]);
        Files.write(data.resolve("db/point.mv.db"), new byte[2000]);
        Files.createDirectories(data.resolve("logs"));
        Files.write(data.resolve("logs/order.log"), new byte[500]);
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run/order.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(data.resolve("run/gone.pid"), "999999999\n");

        // when
        Footprint footprint = Footprint.of(data);

        // then
        assertThat(footprint.databaseBytes()).isEqualTo(5000);
        assertThat(footprint.folderBytes()).isGreaterThanOrEqualTo(5500);
        assertThat(footprint.residentBytes()).containsOnlyKeys("order");
        assertThat(footprint.residentBytes().get("order")).isPositive();
    }

    @Test
    void printsBytesPerOrderBeforeAndAfterAndTheChangeOfEachProcess() {
        // given
        Footprint before = new Footprint(1_000_000, 5_000_000, Map.of("order", 200L * 1024 * 1024));
        Footprint after = new Footprint(1_000_000 + 3_000 * 6_000L, 30_000_000, Map.of("order", 210L * 1024 * 1024));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        Footprint.print(before, after, 501, 3_500, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("databases 976.6 KB before (2.0 KB per order of 500), 18.1 MB after (5.3 KB per order of 3500)")
                .contains("order 200.0 MB -> 210.0 MB (+5.0 %)");
    }

    @Test
    void isNothingWithoutADataFolder() {
        // when / then
        assertThat(Footprint.of(data.resolve("none"))).isNull();
        assertThat(Footprint.of(null)).isNull();
    }
}
