package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Setup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real background processes (a shell that waits), as the parts run. */
class ProcessesTest {

    @TempDir
    Path data;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private Setup setup() {
        return Setup.of(Path.of("."), Path.of("."), Map.of("SAGA_DATA_DIR", data.toString()), "java");
    }

    /** A process whose command line has the instance's mark, as a service's does; it prints a line and waits. */
    private ProcessHandle launchLikeAService(Processes processes, Setup setup, Instance part) {
        ProcessHandle process = processes.launch(part, List.of("bash", "-c", "echo started; while sleep 1; do :; done",
                setup.processMark(part)), Map.of("SAGA_MARK", "x"), 0);
        started.add(process);
        return process;
    }

    @Test
    void aLaunchedPartRunsWithItsPidInItsPidFileAndItsOutputInItsLog() throws IOException {
        // given
        Setup setup = setup();
        Processes processes = new Processes(setup);

        // when
        ProcessHandle process = launchLikeAService(processes, setup, Instance.only(Part.POINT));

        // then
        assertThat(Files.readString(setup.pidFile(Instance.only(Part.POINT))).trim()).isEqualTo(Long.toString(process.pid()));
        assertThat(processes.running(Instance.only(Part.POINT))).contains(process);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(processes.logTail(Instance.only(Part.POINT), 40))
                .anyMatch(line -> line.contains("./saga starting point")).contains("  | started"));
    }

    @Test
    void stopEndsThePartAndForgetsItsPid() {
        // given
        Setup setup = setup();
        Processes processes = new Processes(setup);
        ProcessHandle process = launchLikeAService(processes, setup, Instance.only(Part.ORDER));
        List<String> said = new ArrayList<>();

        // when
        processes.stop(Duration.ofSeconds(10), List.of(Instance.only(Part.ORDER), Instance.only(Part.POINT)), said::add);

        // then
        assertThat(process.isAlive()).isFalse();
        assertThat(setup.pidFile(Instance.only(Part.ORDER))).doesNotExist();
        assertThat(said).containsExactly("  point: not running", "  order: stopped (pid " + process.pid() + ")");
    }

    @Test
    void aServiceStartedByTheLauncherBeforeClassDataArchivesIsStillKnownAndStopped() {
        // given: its command line names run/<instance>.jar, as services ran then
        Setup setup = setup();
        Processes processes = new Processes(setup);
        ProcessHandle process = processes.launch(Instance.only(Part.EXCHANGE), List.of("bash", "-c",
                "while sleep 1; do :; done", setup.runDir().resolve("exchange.jar").toString()), Map.of(), 0);
        started.add(process);

        // when
        boolean known = processes.running(Instance.only(Part.EXCHANGE)).isPresent();
        processes.stop(Duration.ofSeconds(10), List.of(Instance.only(Part.EXCHANGE)), line -> { });

        // then
        assertThat(known).isTrue();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aPidFileOfAnotherProgramIsForgotten() throws IOException {
        // given: the pid of a process that is not this copy's part (as after a pid was recycled)
        Setup setup = setup();
        Processes processes = new Processes(setup);
        Files.createDirectories(setup.runDir());
        Files.writeString(setup.pidFile(Instance.only(Part.EXCHANGE)), ProcessHandle.current().pid() + "\n");

        // when / then
        assertThat(processes.running(Instance.only(Part.EXCHANGE))).isEmpty();
        assertThat(setup.pidFile(Instance.only(Part.EXCHANGE))).doesNotExist();
    }

    @Test
    void killEndsAPartAtOnce() {
        // given
        Setup setup = setup();
        Processes processes = new Processes(setup);
        ProcessHandle process = launchLikeAService(processes, setup, Instance.only(Part.DEADLINE));

        // when
        processes.kill(process);

        // then
        assertThat(process.isAlive()).isFalse();
        assertThat(processes.running(Instance.only(Part.DEADLINE))).isEmpty();
    }

    @Test
    void instancesOfOnePartHaveTheirOwnPidFilesLogsAndStops() {
        // given
        Setup setup = setup();
        Processes processes = new Processes(setup);
        Instance first = new Instance(Part.ORDER, 1, 2);
        Instance second = new Instance(Part.ORDER, 2, 2);
        ProcessHandle one = launchLikeAService(processes, setup, first);
        ProcessHandle two = launchLikeAService(processes, setup, second);
        List<String> said = new ArrayList<>();

        // when
        processes.stop(Duration.ofSeconds(10), List.of(second), said::add);

        // then
        assertThat(setup.pidFile(first)).hasFileName("order-1.pid");
        assertThat(processes.running(first)).contains(one);
        assertThat(processes.running(second)).isEmpty();
        assertThat(two.isAlive()).isFalse();
        assertThat(said).containsExactly("  order-2: stopped (pid " + two.pid() + ")");
        assertThat(setup.log(second)).hasFileName("order-2.log");
    }
}
