package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import org.apache.kafka.common.Uuid;

/**
 * The local Kafka: one KRaft node (broker and controller), or a cluster of three ({@code --brokers 3}), each node
 * both, from Kafka's own jars; their storage in the data folder, formatted once so that topics and events survive
 * restarts. In a cluster every topic is replicated on all three nodes and a write needs two of them
 * ({@code min.insync.replicas=2}), so any one node may die without losing an acknowledged event or stopping the
 * saga.
 */
public final class LocalBroker {

    private static final String READY_LINE = "Kafka Server started";
    /** Lines of kafka/config/server.properties that the launcher writes itself, for this run's node. */
    private static final List<String> SET_BY_LAUNCHER = List.of("node.id=", "listeners=", "advertised.listeners=",
            "controller.quorum.voters=", "log.dirs=");
    /**
     * In a cluster: each topic on every node, a write acknowledged by two (the single node's file says 1), a dead
     * node noticed soon.
     */
    private static final Map<String, String> CLUSTER_SETTINGS = new LinkedHashMap<>();

    static {
        CLUSTER_SETTINGS.put("default.replication.factor", "3");
        CLUSTER_SETTINGS.put("min.insync.replicas", "2");
        CLUSTER_SETTINGS.put("offsets.topic.replication.factor", "3");
        CLUSTER_SETTINGS.put("transaction.state.log.replication.factor", "3");
        CLUSTER_SETTINGS.put("transaction.state.log.min.isr", "2");
        CLUSTER_SETTINGS.put("share.coordinator.state.topic.replication.factor", "3");
        CLUSTER_SETTINGS.put("share.coordinator.state.topic.min.isr", "2");
        // a node that dies is fenced after 3 s without a heartbeat (Kafka's default: 9 s), and its partitions'
        // leadership moves to the others: the producers and consumers that were stuck on it go on well within an
        // order's 10 s deadline
        CLUSTER_SETTINGS.put("broker.heartbeat.interval.ms", "500");
        CLUSTER_SETTINGS.put("broker.session.timeout.ms", "3000");
    }

    private final Setup setup;
    private final Processes processes;

    public LocalBroker(Setup setup, Processes processes) {
        this.setup = setup;
        this.processes = processes;
    }

    /** The node's configuration as the launcher wrote it; its path marks the node's process as this copy's. */
    static Path configFile(Setup setup, Instance node) {
        return node.of() == 1 ? setup.kafkaDir().resolve("server.properties")
                : setup.kafkaDir().resolve(node.name()).resolve("server.properties");
    }

    private Path storage(Instance node) {
        return node.of() == 1 ? setup.kafkaDir().resolve("data") : setup.kafkaDir().resolve(node.name()).resolve("data");
    }

    /** Starts every node that does not run, and waits until they all take connections; says how it went. */
    public void start(Consumer<String> say) {
        start(setup.instances(Part.KAFKA), say);
    }

    /** Starts the nodes given that do not run (all together: a cluster's quorum needs two of three to begin). */
    public void start(List<Instance> nodes, Consumer<String> say) {
        List<Instance> starting = new ArrayList<>();
        for (Instance node : nodes) {
            var running = processes.running(node);
            if (running.isPresent()) {
                say.accept(label(node) + " is already running (pid " + running.get().pid() + ") on "
                        + setup.localBootstrap(node));
                continue;
            }
            checkPortsFree(node);
            starting.add(node);
        }
        if (starting.isEmpty()) {
            return;
        }
        requireJars();
        checkStorageFits(setup, setup.count(Part.KAFKA));
        String clusterId = clusterId();
        Map<Instance, Launched> launched = new LinkedHashMap<>();
        for (Instance node : starting) {
            writeConfig(node);
            format(node, clusterId, say);
            long offset = sizeOf(setup.log(node));
            say.accept("Starting " + label(node) + " (KRaft broker+controller) on " + setup.localBootstrap(node));
            List<String> command = new ArrayList<>(List.of(setup.java()));
            command.addAll(setup.flags().kafka());
            command.addAll(List.of("-Dlog4j2.configurationFile=" + setup.kafkaConfig().resolve("log4j2-broker.xml"),
                    "-cp", setup.kafkaLib() + "/*", "kafka.Kafka", configFile(setup, node).toString()));
            launched.put(node, new Launched(processes.launch(node, command, Map.of(), 0), offset, System.nanoTime()));
        }
        launched.forEach((node, started) -> awaitReady(node, started, say));
    }

    /** A node just launched: its process, where its log was, and when. */
    private record Launched(ProcessHandle process, long logOffset, long startedNanos) {
    }

    private void awaitReady(Instance node, Launched started, Consumer<String> say) {
        ProcessHandle process = started.process();
        boolean ready = Waiting.until(() -> !process.isAlive() || isReady(node, started.logOffset()),
                setup.kafkaStartTimeout());
        if (!process.isAlive()) {
            processes.logTail(node, 40).forEach(say);
            throw new SagaException(label(node) + " did not start");
        }
        if (!ready) {
            processes.logTail(node, 40).forEach(say);
            throw new SagaException(label(node) + " was not ready within " + setup.kafkaStartTimeout().toSeconds() + "s");
        }
        say.accept("  " + label(node) + " ready in " + Duration.ofNanos(System.nanoTime() - started.startedNanos())
                .toSeconds() + "s (pid " + process.pid() + ")");
    }

    private void checkPortsFree(Instance node) {
        // a node killed a moment ago may still hold them
        Waiting.until(() -> !Network.isOpen("127.0.0.1", setup.port(node))
                && !Network.isOpen("127.0.0.1", setup.controllerPort(node)), Duration.ofSeconds(10));
        if (Network.isOpen("127.0.0.1", setup.port(node))) {
            throw new SagaException("something else already listens on " + setup.localBootstrap(node) + "; stop it, use "
                    + "it with KAFKA_BOOTSTRAP_SERVERS=" + setup.localBootstrap(node) + " ./saga up, or choose another "
                    + Part.KAFKA.portVariable());
        }
        if (Network.isOpen("127.0.0.1", setup.controllerPort(node))) {
            throw new SagaException("something else already listens on " + setup.localController(node) + " (the "
                    + "controller port of " + node + "); stop it, or choose another " + Setup.CONTROLLER_PORT_VARIABLE);
        }
    }

    /** "Kafka" for the one node, as the output has always said; the node's name in a cluster. */
    private static String label(Instance node) {
        return node.of() == 1 ? "Kafka" : node.name();
    }

    public void stop(Consumer<String> say) {
        processes.stop(Setup.KAFKA_STOP_TIMEOUT, setup.instances(Part.KAFKA), say);
    }

    /**
     * Fails when the data folder holds the storage of a local Kafka of another size than {@code brokers}: a single
     * node's events cannot become a cluster's, nor the other way round. Checked before a layout is chosen, so that
     * a refused one is not remembered.
     */
    public static void checkStorageFits(Setup setup, int brokers) {
        boolean single = Files.exists(setup.kafkaDir().resolve("data/meta.properties"));
        boolean cluster = Files.exists(setup.kafkaDir().resolve(new Instance(Part.KAFKA, 1, 3).name()));
        if (brokers == 1 && cluster || brokers > 1 && single) {
            throw new SagaException(setup.shown(setup.kafkaDir()) + " holds the events of a local Kafka of "
                    + (single ? "one node" : "three nodes") + ", not of " + brokers + "; keep --brokers "
                    + (single ? 1 : 3) + ", or delete that folder (every event) with ./saga down and rm -r "
                    + setup.shown(setup.kafkaDir()) + " (./saga down --clean also deletes the databases and logs)");
        }
    }

    /**
     * The cluster's id: the one its storage was formatted with (kept beside it, or read from a single node's
     * storage made before the file was kept), else a new one.
     */
    private String clusterId() {
        Path file = setup.kafkaDir().resolve("cluster-id");
        Path singleNode = storage(Instance.only(Part.KAFKA)).resolve("meta.properties");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            String clusterId = Files.isRegularFile(singleNode) ? Files.readAllLines(singleNode).stream()
                    .filter(line -> line.startsWith("cluster.id=")).map(line -> line.substring("cluster.id=".length()))
                    .findFirst().orElseThrow() : Uuid.randomUuid().toString();
            Files.createDirectories(setup.kafkaDir());
            Files.writeString(file, clusterId + "\n");
            return clusterId;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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

    private boolean isReady(Instance node, long logOffset) {
        return logContainsAfter(setup.log(node), logOffset, READY_LINE)
                && Network.isOpen("127.0.0.1", setup.port(node));
    }

    /**
     * A node's configuration for this run: the repository's {@code kafka/config/server.properties}, with this
     * run's node id, ports, quorum and storage folder in place of its own lines for them, and in a cluster the
     * replication of every topic on the three nodes.
     */
    void writeConfig(Instance node) {
        try {
            Files.createDirectories(storage(node));
            boolean cluster = node.of() > 1;
            List<String> lines = Files.readAllLines(setup.kafkaConfig().resolve("server.properties")).stream()
                    .filter(line -> SET_BY_LAUNCHER.stream().noneMatch(line::startsWith))
                    .filter(line -> !cluster || CLUSTER_SETTINGS.keySet().stream().noneMatch(key -> line.startsWith(key + "=")))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            String voters = String.join(",", setup.instances(Part.KAFKA).stream()
                    .map(voter -> voter.number() + "@" + setup.localController(voter)).toList());
            lines.addAll(List.of("", "# added by ./saga",
                    "node.id=" + node.number(),
                    "controller.quorum.voters=" + voters,
                    "listeners=PLAINTEXT://" + setup.localBootstrap(node) + ",CONTROLLER://" + setup.localController(node),
                    "advertised.listeners=PLAINTEXT://" + setup.localBootstrap(node),
                    "log.dirs=" + storage(node)));
            if (cluster) {
                CLUSTER_SETTINGS.forEach((key, value) -> lines.add(key + "=" + value));
            }
            Files.write(configFile(setup, node), lines);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void format(Instance node, String clusterId, Consumer<String> say) {
        if (Files.exists(storage(node).resolve("meta.properties"))) {
            return;
        }
        say.accept("Formatting " + (node.of() == 1 ? "Kafka storage" : node + "'s storage") + " in "
                + setup.shown(storage(node)) + " (cluster id " + clusterId + ")");
        ProcessBuilder builder = new ProcessBuilder(tool("kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", configFile(setup, node).toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(setup.log(node).toFile()));
        try {
            Files.createDirectories(setup.logDir());
            if (builder.start().waitFor() != 0) {
                processes.logTail(node, 20).forEach(say);
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
