package io.deadlinesaga.launcher.running;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;

/**
 * The parts as background processes: one pid file each in the data folder's {@code run/}, one log each in its
 * {@code logs/}. A process started here outlives the launcher: it runs in a session of its own (no terminal, no
 * hang-up, no Ctrl-C of the launcher's), reading nothing, writing to its log.
 */
public final class Processes {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Setup setup;

    public Processes(Setup setup) {
        this.setup = setup;
    }

    /**
     * The running process of an instance. A pid file whose process has ended (a zombie too), or whose pid now belongs to another
     * program (a recycled pid, or the same part of a copy with another data folder), is forgotten.
     */
    public Optional<ProcessHandle> running(Instance instance) {
        Path pidFile = setup.pidFile(instance);
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(handle -> !isGone(handle))
                .filter(handle -> isOurs(handle, instance));
        if (process.isEmpty()) {
            deleteQuietly(pidFile);
        }
        return process;
    }

    public boolean isRunning(Instance instance) {
        return running(instance).isPresent();
    }

    /** Whether any instance of the part runs. */
    public boolean isRunning(Part part) {
        return setup.instances(part).stream().anyMatch(this::isRunning);
    }

    /** The text in the command line of a part of this copy: its pid file's path, or the broker's configuration file. */
    String marker(Instance instance) {
        return instance.part() == Part.KAFKA ? LocalBroker.configFile(setup, instance).toString()
                : setup.processMark(instance);
    }

    private boolean isOurs(ProcessHandle handle, Instance instance) {
        // a service started by a launcher from before class-data archives ran from run/<instance>.jar
        String before = setup.runDir().resolve(instance.name() + ".jar").toString();
        return handle.info().commandLine().map(line -> line.contains(marker(instance)) || line.contains(before))
                .orElse(true);
    }

    /**
     * Starts an instance's command in the background, its output appended to its log (after a line that marks
     * this start), its pid in its pid file.
     *
     * @param nice the nice level to run at (0: as the launcher)
     */
    public ProcessHandle launch(Instance instance, List<String> command, Map<String, String> environment, int nice) {
        Path log = setup.log(instance);
        try {
            Files.createDirectories(setup.logDir());
            Files.createDirectories(setup.runDir());
            Files.writeString(log, "%n===== %s  ./saga starting %s =====%n".formatted(LocalDateTime.now().format(STAMP),
                    instance), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            List<String> detached = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                detached.add(SETSID.toString());
            }
            if (nice != 0) {
                detached.addAll(List.of("nice", "-n", Integer.toString(nice)));
            }
            detached.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(detached).directory(setup.root().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(setup.pidFile(instance), process.pid() + "\n");
            return process.toHandle();
        }
        catch (IOException ex) {
            throw new SagaException(instance + " did not start: " + ex.getMessage() + " (see " + setup.shown(log) + ")");
        }
    }

    /**
     * SIGTERM to every instance given that runs, then waits up to the timeout for them all, and SIGKILLs the rest;
     * says what became of each.
     */
    public void stop(Duration timeout, List<Instance> instances, Consumer<String> say) {
        Map<Instance, ProcessHandle> stopping = new LinkedHashMap<>();
        for (Instance instance : instances) {
            Optional<ProcessHandle> process = running(instance);
            if (process.isEmpty()) {
                say.accept("  " + instance + ": not running");
                continue;
            }
            process.get().destroy();
            stopping.put(instance, process.get());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        stopping.forEach((instance, process) -> {
            boolean ended = Waiting.until(() -> isGone(process), Duration.ofNanos(deadline - System.nanoTime()));
            if (ended) {
                say.accept("  " + instance + ": stopped (pid " + process.pid() + ")");
            }
            else {
                process.destroyForcibly();
                say.accept("  " + instance + ": killed (pid " + process.pid() + " did not stop within "
                        + timeout.toSeconds() + "s)");
            }
            deleteQuietly(setup.pidFile(instance));
        });
    }

    /** SIGKILL, as a power cut of the process; waits up to 5 s for it to be gone. */
    public void kill(ProcessHandle process) {
        kill(List.of(process));
    }

    /** SIGKILL to every process at once, then waits up to 5 s for them all to be gone. */
    public void kill(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        Waiting.until(() -> processes.stream().allMatch(Processes::isGone), Duration.ofSeconds(5));
    }

    /**
     * Whether a process has ended: not there, or dead and not yet reaped. A zombie holds no port and no file, but
     * stays "alive" to {@link ProcessHandle} until its parent, here the machine's init, collects it; its main
     * thread turns zombie before the others have ended, so it is gone once that thread is all that is left.
     * Without {@code /proc} (not Linux), a process is gone when it is no longer alive.
     */
    static boolean isGone(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        if (!process.isAlive() || !Files.isDirectory(Path.of("/proc/self"))) {
            return !process.isAlive();
        }
        try (var threads = Files.list(proc.resolve("task"))) {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z") && threads.count() <= 1;
        }
        catch (java.nio.file.NoSuchFileException ended) {
            return true;
        }
        catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * The end of an instance's log since its last start, at most {@code max} lines, indented, between two rules.
     */
    public List<String> logTail(Instance instance, int max) {
        Path log = setup.log(instance);
        List<String> lines = new ArrayList<>();
        lines.add("  ---- last lines of " + setup.shown(log) + " ----");
        if (Files.isRegularFile(log)) {
            List<String> sinceStart = LogTail.sinceLastStart(log, max);
            sinceStart.forEach(line -> lines.add("  | " + line));
        }
        lines.add("  ----");
        return lines;
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String text = Files.isRegularFile(pidFile) ? Files.readString(pidFile).trim() : "";
            return text.matches("\\d{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        }
        catch (IOException ex) {
            return Optional.empty();
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
