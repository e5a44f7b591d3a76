package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import org.apache.kafka.common.Uuid;

/**
 * The local Kafka broker: one KRaft node (broker and controller) from Kafka's own jars, its storage in the data
 * folder, formatted once so that topics and events survive restarts.
 */
public final class LocalBroker {

    private static final String READY_LINE = "Kafka Server started";
    private static final List<String> SET_BY_LAUNCHER = List.of("listeners=", "advertised.listeners=",
            "controller.quorum.voters=", "log.dirs=");

    private final Setup setup;
    private final Processes processes;

    public LocalBroker(Setup setup, Processes processes) {
        this.setup = setup;
        this.processes = processes;
    }

    static Path configFile(Setup setup) {
        return setup.kafkaDir().resolve("server.properties");
    }

    private Path storage() {
        return setup.kafkaDir().resolve("data");
    }

    /** Starts the broker unless it runs, and waits until it takes connections; says how it went. */
    public void start(Consumer<String> say) {
        var running = processes.running(Part.KAFKA);
        if (running.isPresent()) {
            say.accept("Kafka is already running (pid " + running.get().pid() + ") on " + setup.localBootstrap());
            return;
        }
        if (Network.isOpen("127.0.0.1", setup.port(Part.KAFKA))) {
            throw new SagaException("something else already listens on " + setup.localBootstrap() + "; stop it, use it "
                    + "with KAFKA_BOOTSTRAP_SERVERS=" + setup.localBootstrap() + " ./saga up, or choose another "
                    + Part.KAFKA.portVariable());
        }
        if (Network.isOpen("127.0.0.1", setup.controllerPort())) {
            throw new SagaException("something else already listens on " + setup.localController() + " (the "
                    + "controller port); stop it, or choose another " + Setup.CONTROLLER_PORT_VARIABLE);
        }
        requireJars();
        writeConfig();
        format(say);
        long offset = sizeOf(setup.log(Part.KAFKA));
        long started = System.nanoTime();
        say.accept("Starting Kafka (KRaft broker+controller) on " + setup.localBootstrap());
        List<String> command = new ArrayList<>(List.of(setup.java()));
        command.addAll(setup.flags().kafka());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + setup.kafkaConfig().resolve("log4j2-broker.xml"),
                "-cp", setup.kafkaLib() + "/*", "kafka.Kafka", configFile(setup).toString()));
        ProcessHandle process = processes.launch(Part.KAFKA, command, java.util.Map.of(), 0);
        boolean ready = Waiting.until(() -> !process.isAlive() || isReady(offset), setup.kafkaStartTimeout());
        if (!process.isAlive()) {
            processes.logTail(Part.KAFKA, 40).forEach(say);
            throw new SagaException("Kafka did not start");
        }
        if (!ready) {
            processes.logTail(Part.KAFKA, 40).forEach(say);
            throw new SagaException("Kafka was not ready within " + setup.kafkaStartTimeout().toSeconds() + "s");
        }
        say.accept("  Kafka ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s (pid "
                + process.pid() + ")");
    }

    public void stop(Consumer<String> say) {
        processes.stop(Setup.KAFKA_STOP_TIMEOUT, List.of(Part.KAFKA), say);
    }

    /** Fails, saying what to run, when Kafka's jars are not there. */
    public void requireJars() {
        boolean present;
        try (var files = Files.list(setup.kafkaLib())) {
            present = files.anyMatch(file -> file.getFileName().toString().startsWith("kafka_"));
        }
        catch (IOException ex) {
            present = false;
        }
        if (!present) {
            throw new SagaException("Kafka's jars are missing (" + setup.shown(setup.kafkaLib())
                    + "); build them: ./mvnw -q -DskipTests package -pl kafka");
        }
    }

    /** A Kafka command-line tool's class, run with quiet logging, as a command line. */
    public List<String> tool(String mainClass, List<String> args) {
        requireJars();
        List<String> command = new ArrayList<>(List.of(setup.java()));
        command.addAll(setup.flags().tools());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + setup.kafkaConfig().resolve("log4j2-tools.xml"),
                "-cp", setup.kafkaLib() + "/*", mainClass));
        command.addAll(args);
        return command;
    }

    private boolean isReady(long logOffset) {
        return logContainsAfter(setup.log(Part.KAFKA), logOffset, READY_LINE)
                && Network.isOpen("127.0.0.1", setup.port(Part.KAFKA));
    }

    /**
     * The broker's configuration for this run: the repository's {@code kafka/config/server.properties}, with
     * this run's ports and storage folder in place of its own lines for them.
     */
    void writeConfig() {
        try {
            Files.createDirectories(storage());
            List<String> lines = new ArrayList<>(Files.readAllLines(setup.kafkaConfig().resolve("server.properties")))
                    .stream().filter(line -> SET_BY_LAUNCHER.stream().noneMatch(line::startsWith))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            lines.addAll(List.of("", "# added by ./saga",
                    "controller.quorum.voters=1@" + setup.localController(),
                    "listeners=PLAINTEXT://" + setup.localBootstrap() + ",CONTROLLER://" + setup.localController(),
                    "advertised.listeners=PLAINTEXT://" + setup.localBootstrap(),
                    "log.dirs=" + storage()));
            Files.write(configFile(setup), lines);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void format(Consumer<String> say) {
        if (Files.exists(storage().resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        say.accept("Formatting Kafka storage in " + setup.shown(storage()) + " (cluster id " + clusterId + ")");
        ProcessBuilder builder = new ProcessBuilder(tool("kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", configFile(setup).toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(setup.log(Part.KAFKA).toFile()));
        try {
            Files.createDirectories(setup.logDir());
            if (builder.start().waitFor() != 0) {
                processes.logTail(Part.KAFKA, 20).forEach(say);
                throw new SagaException("formatting the Kafka storage failed");
            }
        }
        catch (IOException ex) {
            throw new SagaException("formatting the Kafka storage failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SagaException("interrupted");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (IOException ex) {
            return 0;
        }
    }

    private static boolean logContainsAfter(Path log, long offset, String text) {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(offset);
            String tail = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return tail.contains(text);
        }
        catch (IOException ex) {
            return false;
        }
    }
}
