package io.deadlinesaga.load.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProcessSampleTest {

    @TempDir
    Path run;

    @Test
    void readsUserAndSystemTimeOfAStatLine() {
        // given: a command name with spaces and parentheses of its own; utime 1234, stime 56
        String stat = "4242 (java (saga) x) S 1 4242 4242 0 -1 4194560 35011 0 12 0 1234 56 0 0 20 0 38 0 1511 "
                + "2606022656 110334 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0\n";

        // when / then
        assertThat(ProcessSample.cpuTicks(stat)).isEqualTo(1290);
    }

    @Test
    void refusesALineThatIsNoStatLine() {
        assertThatThrownBy(() -> ProcessSample.cpuTicks("4242 java S 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessSample.cpuTicks("4242 (java) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesEachProcessItsCpuPerSagaBetweenTwoSamples() {
        // given: 100 ticks a second; order spent 300 ticks (3 s), kafka 50; point restarted in between
        ProcessSample before = new ProcessSample(Map.of("order", 10L, "kafka", 11L, "point", 12L),
                Map.of("order", 1_000L, "kafka", 500L, "point", 900L), Map.of());
        ProcessSample after = new ProcessSample(Map.of("order", 10L, "kafka", 11L, "point", 99L),
                Map.of("order", 1_300L, "kafka", 550L, "point", 20L), Map.of());

        // when
        Map<String, Double> perSaga = after.cpuMsPerSagaSince(before, 100, 1_000);

        // then: 3000 ms over 1000 sagas, 500 ms over 1000
        assertThat(perSaga).containsOnlyKeys("order", "kafka");
        assertThat(perSaga.get("order")).isCloseTo(3.0, within(1e-9));
        assertThat(perSaga.get("kafka")).isCloseTo(0.5, within(1e-9));
        assertThat(after.cpuMsPerSagaSince(before, 100, 0)).isEmpty();
    }

    @Test
    void samplesTheProcessesOfThePidFilesAndTheLauncherAsLoad() throws IOException {
        // given: a pid file of this very process, and one of a process long gone
        Files.writeString(run.resolve("order.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(run.resolve("gone.pid"), "999999999\n");
        Files.writeString(run.resolve("database"), "h2\n");

        // when
        ProcessSample sample = ProcessSample.take(run);

        // then
        assertThat(sample.pids()).containsOnlyKeys("order", ProcessSample.LOAD);
        assertThat(sample.cpuTicks().get("order")).isPositive();
        assertThat(sample.residentBytes().get(ProcessSample.LOAD)).isGreaterThan(1024 * 1024);
    }

    @Test
    void countsALocalPostgresServerWithEveryProcessUnderIt() throws IOException {
        // given: a postmaster.pid naming this very process, which has a child process (as a postmaster its backends)
        Path runDir = Files.createDirectories(run.resolve("data/run"));
        Path postgres = Files.createDirectories(run.resolve("data/postgres/data"));
        Files.writeString(postgres.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + postgres + "\n");
        Process backend = new ProcessBuilder("sleep", "30").start();
        try {
            // when
            ProcessSample sample = ProcessSample.take(runDir);

            // then: counted as postgres, its memory the postmaster's and more
            assertThat(sample.pids()).containsEntry(ProcessSample.POSTGRES, ProcessHandle.current().pid());
            assertThat(sample.cpuTicks().get(ProcessSample.POSTGRES))
                    .isGreaterThanOrEqualTo(sample.cpuTicks().get(ProcessSample.LOAD));
            assertThat(sample.residentBytes().get(ProcessSample.POSTGRES))
                    .isGreaterThanOrEqualTo(sample.residentBytes().get(ProcessSample.LOAD));
        }
        finally {
            backend.destroy();
        }
    }

    @Test
    void asksTheKernelForItsClockTicks() {
        assertThat(ProcessSample.ticksPerSecond()).isPositive();
    }
}
