package io.deadlinesaga.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code ./saga}, run as a user runs it, but with its own data folder and ports, so it never
 * meets a user's own {@code ./saga up} (default ports, {@code data/}) on the same machine. Each command's
 * stdout and stderr go to files under {@code target/saga-it/output}; the parts' logs are under
 * {@code target/saga-it/data/logs}.
 */
final class SagaScript {

    /** The default ports (8081–8085, 8088, 9092, 9093, 5432), each shifted by a copy's offset. */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "ORDER_PORT", 8081,
            "EXCHANGE_PORT", 8082,
            "POINT_PORT", 8083,
            "DEADLINE_PORT", 8084,
            "SAGA_VIEW_PORT", 8085,
            "GATEWAY_PORT", 8088,
            "SAGA_KAFKA_PORT", 9092,
            "SAGA_KAFKA_CONTROLLER_PORT", 9093,
            "SAGA_POSTGRES_PORT", 5432);

    private static final List<String> SERVICES = List.of("order", "exchange", "point", "deadline", "saga-view", "gateway");

    private final Path root;
    private final int portOffset;
    private final Path workDir;
    private final Path data;
    private final Path output;
    private FileChannel lockFile;
    private int commands;

    private SagaScript(Path root, Path workDir, int portOffset) {
        this.root = root;
        this.portOffset = portOffset;
        this.workDir = workDir;
        this.data = workDir.resolve("data");
        this.output = workDir.resolve("output");
    }

    /**
     * The script of the repository at the system property {@code saga.root}, working in {@code saga.it.dir}
     * (both set by the pom); without them, of the parent of the current directory (the module's folder).
     */
    static SagaScript ofThisRepository() {
        return ofThisRepository("", 10_000);
    }

    /**
     * A copy in a folder of its own under the work folder, on the default ports shifted by {@code portOffset}:
     * beside the others and beside a user's.
     */
    static SagaScript ofThisRepository(String folder, int portOffset) {
        String root = System.getProperty("saga.root", "..");
        String workDir = System.getProperty("saga.it.dir", "target/saga-it");
        try {
            return new SagaScript(Path.of(root).toRealPath(), Path.of(workDir).resolve(folder).toAbsolutePath()
                    .normalize(), portOffset);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Fails at once, saying what to do, when the jars {@code ./saga up --no-build} runs are not built. */
    void requireBuilt() {
        List<Path> artifacts = new ArrayList<>();
        SERVICES.forEach(service -> artifacts.add(root.resolve(service + "/target/" + service + "-exec.jar")));
        artifacts.add(root.resolve("kafka/target/lib"));
        artifacts.add(root.resolve("launcher/target/launcher-exec.jar"));
        assertThat(artifacts)
                .as("the exec jars, the launcher and Kafka's jars: run `./mvnw -DskipTests package` first (in %s)", root)
                .allSatisfy(artifact -> assertThat(artifact).exists());
    }

    /**
     * Takes the work folder for this JVM, stops whatever an earlier, interrupted run left behind, and starts
     * from an empty data folder. The lock keeps a second run in the same checkout at the same time (another
     * Maven build) from stopping this run's processes and deleting its data: it fails instead.
     */
    void startFresh(Duration timeout) {
        lockWorkDir();
        deleteRecursively(output);
        succeed(timeout, "down");
        deleteRecursively(data);
    }

    /** {@code ./saga down}, if this JVM started the parts; then frees the work folder. */
    void down(Duration timeout) {
        if (lockFile == null) {
            return;
        }
        try {
            succeed(timeout, "down");
        }
        finally {
            closeQuietly(lockFile);
            lockFile = null;
        }
    }

    private void lockWorkDir() {
        Path lock = workDir.resolve("lock");
        try {
            Files.createDirectories(workDir);
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                closeQuietly(channel);
                throw new AssertionError("another run of this test uses " + workDir + " right now (it holds "
                        + lock + "); run it again when that one has finished");
            }
            lockFile = channel;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Runs {@code ./saga ARGS…} and waits for it; fails if it does not finish within the timeout. */
    Run run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("saga").toString()));
        command.addAll(List.of(args));
        String name = String.format("%02d-%s", ++commands,
                Arrays.stream(args).filter(arg -> arg.matches("[a-z][a-z-]*")).collect(Collectors.joining("-")));
        Path stdout = output.resolve(name + ".out");
        Path stderr = output.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        configure(builder.environment());
        try {
            Files.createDirectories(output);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./saga " + String.join(" ", args) + " did not finish within " + timeout
                        + "; its output so far:\n" + Files.readString(stdout) + Files.readString(stderr));
            }
            return new Run("./saga " + String.join(" ", args), process.exitValue(), Files.readString(stdout),
                    Files.readString(stderr));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The data folder of this copy (pids under run/, logs under logs/). */
    Path dataDir() {
        return data;
    }

    /** The gateway's address. */
    String gateway() {
        return "http://localhost:" + (DEFAULT_PORTS.get("GATEWAY_PORT") + portOffset);
    }

    /** {@link #run}, and fails with the script's output unless it exits 0. */
    Run succeed(Duration timeout, String... args) {
        Run run = run(timeout, args);
        assertThat(run.exitCode()).as("exit code of %s; its output:%n%s%s", run.command(), run.stdout(), run.stderr())
                .isZero();
        return run;
    }

    /** The environment of a copy beside the user's: own data folder and ports, its own local Kafka. */
    private void configure(Map<String, String> environment) {
        environment.remove("KAFKA_BOOTSTRAP_SERVERS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("SAGA_DATA_DIR", data.toString());
        DEFAULT_PORTS.forEach((variable, port) -> environment.put(variable, Integer.toString(port + portOffset)));
    }

    /** The last lines of each part's log, for a failure report. */
    String logTails(int lines) {
        StringBuilder tails = new StringBuilder();
        for (Path log : logs()) {
            tails.append("\n---- last lines of ").append(log).append(" ----\n");
            if (Files.isRegularFile(log)) {
                try {
                    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                    all.subList(Math.max(0, all.size() - lines), all.size())
                            .forEach(line -> tails.append(line).append('\n'));
                }
                catch (IOException ex) {
                    tails.append("(unreadable: ").append(ex).append(")\n");
                }
            }
        }
        return tails.toString();
    }

    private List<Path> logs() {
        try (var files = Files.list(data.resolve("logs"))) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        }
        catch (IOException ex) {
            // closing releases the lock; the JVM's exit releases it anyway
        }
    }

    private static void deleteRecursively(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One finished command. */
    record Run(String command, int exitCode, String stdout, String stderr) {
    }
}
