package io.deadlinesaga.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Where one copy of the saga lives and how it runs: the repository, the data folder, the ports, the JVM flags,
 * all from the environment (each variable with its default). A second copy beside the first needs only
 * another {@code SAGA_DATA_DIR} and other ports.
 *
 * @param root the repository: the built jars and Kafka's configuration
 * @param dataDir logs, pids, Kafka's storage and the databases
 * @param java the java command that runs every part (the one running this launcher)
 * @param database where order, exchange, point and deadline keep their state
 * @param instanceCount how many instances of each of order, exchange, point and deadline run
 * @param brokerCount how many nodes the local Kafka has
 */
public record Setup(Path root, Path dataDir, Map<Part, Integer> ports, int controllerPort,
        Optional<String> externalKafka, String java, JvmFlags flags, Duration startTimeout,
        Duration kafkaStartTimeout, int yieldNice, Database database, int instanceCount, int brokerCount) {

    /** Where the services keep their state: H2 files in the data folder, or a local PostgreSQL server. */
    public enum Database {
        H2, POSTGRES;

        /** The name on the command line and in the data folder's {@code run/database}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The topic's partitions: an instance beyond them would get none. */
    public static final int MAX_INSTANCES = 6;
    /** A service's instance k listens on its part's port + (k - 1) × this. */
    static final int INSTANCE_PORT_STEP = 10;
    /** Broker k listens on the Kafka port and the controller port + (k - 1) × this. */
    static final int BROKER_PORT_STEP = 2;

    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** The role the services use on the local PostgreSQL server (trusted on 127.0.0.1, no password). */
    public static final String POSTGRES_USER = "saga";
    /** What a connection to PostgreSQL asks for: at most 10 s waiting for a row lock, 60 s for a statement. */
    public static final String POSTGRES_URL_OPTIONS = "?options=-c%20lock_timeout=10s%20-c%20statement_timeout=60s";
    public static final Duration KAFKA_STOP_TIMEOUT = Duration.ofSeconds(30);

    public static final String CONTROLLER_PORT_VARIABLE = "SAGA_KAFKA_CONTROLLER_PORT";
    private static final int DEFAULT_CONTROLLER_PORT = 9093;

    /**
     * The JVM flags of each kind of process.
     *
     * @param services ThreadPriorityPolicy=1 passes Java thread priorities on to Linux, priority 1 as nice 19: a
     *        service's request threads run at priority 1, so that on a saturated machine the saga's own threads
     *        go first. ExitOnOutOfMemoryError: a JVM out of heap ends (and is started again) rather than living
     *        on with some of its threads dead. A heap of fixed size, touched at start: a process's resident
     *        memory is what it will be after months (about 60 MB of a service's heap is alive under load; 160 MB
     *        leaves room for the garbage between two collections). C1 only (TieredStopAtLevel=1), compiling a method
     *        after a third of the invocations the JVM waits for by default (CompileThresholdScaling=0.3): a service
     *        started under load runs compiled code sooner, interpreting less while its JIT catches up (cold runs
     *        at 100 orders/s: no violation in 5 of 5, against 2 of 5 without it; docs/performance.md)
     * @param kafka the broker's
     * @param tools Kafka's command-line tools
     * @param classData whether the services start with a class-data archive of their build, written once per build
     *        ({@code SAGA_CLASS_DATA}, on by default; {@code off} saves the training after each build)
     */
    public record JvmFlags(List<String> services, List<String> kafka, List<String> tools, boolean classData) {

        static final String SERVICES = "-XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 "
                + "-XX:CompileThresholdScaling=0.3 -XX:+UseSerialGC -Xms160m -Xmx160m -XX:+AlwaysPreTouch -Xss512k "
                + "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19";
        static final String KAFKA = "-XX:+ExitOnOutOfMemoryError -Xms256m -Xmx256m -XX:+AlwaysPreTouch "
                + "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true";
        static final String TOOLS = "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    }

    /**
     * Reads the environment; fails on a port that is not a number, or given to two parts.
     *
     * @param root the repository
     * @param workingDir where a relative {@code SAGA_DATA_DIR} is taken from
     */
    public static Setup of(Path root, Path workingDir, Map<String, String> environment, String java) {
        Settings settings = new Settings(environment);
        Path dataDir = settings.text("SAGA_DATA_DIR").map(dir -> workingDir.resolve(dir)).orElse(root.resolve("data"))
                .toAbsolutePath().normalize();
        Map<Part, Integer> ports = new EnumMap<>(Part.class);
        Map<Integer, String> taken = new HashMap<>();
        for (Part part : Part.values()) {
            ports.put(part, settings.port(part.portVariable(), part.defaultPort(), taken));
        }
        int controllerPort = settings.port(CONTROLLER_PORT_VARIABLE, DEFAULT_CONTROLLER_PORT, taken);
        JvmFlags flags = new JvmFlags(settings.words("SAGA_JAVA_OPTS", JvmFlags.SERVICES),
                settings.words("SAGA_KAFKA_JAVA_OPTS", JvmFlags.KAFKA), List.of(JvmFlags.TOOLS.split(" ")),
                settings.onOff("SAGA_CLASS_DATA", true));
        String database = remembered(dataDir, "database", Database.H2.label());
        Setup setup = new Setup(root, dataDir, Map.copyOf(ports), controllerPort,
                settings.text("KAFKA_BOOTSTRAP_SERVERS"), java, flags,
                Duration.ofSeconds(settings.number("SAGA_START_TIMEOUT", 120)),
                Duration.ofSeconds(settings.number("SAGA_KAFKA_START_TIMEOUT", 60)),
                settings.number("SAGA_YIELD_NICE", 19),
                Arrays.stream(Database.values()).filter(db -> db.label().equals(database)).findFirst().orElse(Database.H2),
                rememberedCount(dataDir, "instances"), rememberedCount(dataDir, "brokers"));
        // the instances' ports are checked when a layout is chosen (up), so that down and status always work
        return setup;
    }

    /** What {@code ./saga up} chose for this data folder last, from its {@code run/} file. */
    private static String remembered(Path dataDir, String name, String otherwise) {
        Path choice = dataDir.resolve("run").resolve(name);
        try {
            String value = Files.isRegularFile(choice) ? Files.readString(choice).trim() : "";
            return value.isEmpty() ? otherwise : value;
        }
        catch (IOException ex) {
            return otherwise;
        }
    }

    private static int rememberedCount(Path dataDir, String name) {
        String value = remembered(dataDir, name, "1");
        return value.matches("[1-9]") ? Integer.parseInt(value) : 1;
    }

    /** This setup with another database, remembered in the data folder for the commands after this one. */
    public Setup withDatabase(Database chosen) {
        return withLayout(chosen, instanceCount, brokerCount);
    }

    /**
     * This setup with another database, number of service instances and of brokers, remembered in the data
     * folder for the commands after this one.
     *
     * @throws SagaException when the choice cannot run: several instances on H2 files, more instances than the
     *         topic has partitions, a Kafka cluster of other than 1 or 3 nodes, or ports that collide
     */
    public Setup withLayout(Database chosen, int instances, int brokers) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new SagaException("--instances must be from 1 to " + MAX_INSTANCES + ", not " + instances
                    + ": the topic has " + MAX_INSTANCES + " partitions, and an instance beyond them would get none");
        }
        if (instances > 1 && chosen == Database.H2) {
            throw new SagaException("--instances " + instances + " needs --db postgres: only one process can open "
                    + "an H2 file, so on H2 each service runs once");
        }
        if (brokers != 1 && brokers != 3) {
            throw new SagaException("--brokers must be 1 or 3, not " + brokers + " (3 KRaft nodes, each topic "
                    + "replicated 3 times and written to at least 2: one node may die)");
        }
        Setup chosenSetup = new Setup(root, dataDir, ports, controllerPort, externalKafka, java, flags, startTimeout,
                kafkaStartTimeout, yieldNice, chosen, instances, brokers);
        chosenSetup.checkPorts();
        remember("database", chosen.label());
        remember("instances", Integer.toString(instances));
        remember("brokers", Integer.toString(brokers));
        return chosenSetup;
    }

    private void remember(String name, String value) {
        try {
            Files.createDirectories(runDir());
            Files.writeString(runDir().resolve(name), value + "\n");
        }
        catch (IOException ex) {
            throw new SagaException("cannot write " + runDir().resolve(name) + ": " + ex.getMessage());
        }
    }

    /** Fails when two instances would listen on one port (instance k of a part listens a step above k - 1). */
    private void checkPorts() {
        Map<Integer, String> taken = new HashMap<>();
        for (Instance instance : instances()) {
            List<Integer> used = instance.part() == Part.KAFKA ? List.of(port(instance), controllerPort(instance))
                    : List.of(port(instance));
            for (int port : used) {
                if (port > 65535) {
                    throw new SagaException(instance + " would listen on port " + port + ", above 65535; move its "
                            + "part's port variable lower (./saga help)");
                }
                String other = taken.putIfAbsent(port, instance.name());
                if (other != null) {
                    throw new SagaException(instance + " and " + other + " would both listen on port " + port
                            + "; move one with its part's port variable (./saga help)");
                }
            }
        }
    }

    /** The parts this copy runs: the broker, the database server if there is one, the services. */
    public List<Part> parts() {
        return Arrays.stream(Part.values())
                .filter(part -> part != Part.POSTGRES || database == Database.POSTGRES).toList();
    }

    /** How many instances of the part this copy runs. */
    public int count(Part part) {
        if (part == Part.KAFKA) {
            return externalKafka.isPresent() ? 1 : brokerCount;
        }
        return part.scalesOut() ? instanceCount : 1;
    }

    public List<Instance> instances(Part part) {
        return IntStream.rangeClosed(1, count(part)).mapToObj(number -> new Instance(part, number, count(part)))
                .toList();
    }

    /** Every process this copy runs, the broker (and database server) first. */
    public List<Instance> instances() {
        return parts().stream().flatMap(part -> instances(part).stream()).toList();
    }

    /** The services' instances, in the order they start. */
    public List<Instance> serviceInstances() {
        return instances().stream().filter(instance -> instance.part().isService()).toList();
    }

    /**
     * What a name on the command line means: a part's name, every instance of it ({@code order}); an
     * instance's name, that one ({@code order-2}); else nothing.
     */
    public List<Instance> named(String name) {
        Optional<Part> part = Part.named(name);
        if (part.isPresent() && parts().contains(part.get())) {
            return instances(part.get());
        }
        return instances().stream().filter(instance -> instance.name().equals(name)).toList();
    }

    /** The names the commands take, for a message. */
    public String names() {
        List<String> names = new ArrayList<>();
        for (Part part : parts()) {
            names.add(part.partName());
            if (count(part) > 1) {
                instances(part).forEach(instance -> names.add(instance.name()));
            }
        }
        return String.join(" ", names);
    }

    /** The part's port: its first instance's. */
    public int port(Part part) {
        return ports.get(part);
    }

    public int port(Instance instance) {
        int step = instance.part() == Part.KAFKA ? BROKER_PORT_STEP : INSTANCE_PORT_STEP;
        return port(instance.part()) + (instance.number() - 1) * step;
    }

    public int controllerPort(Instance broker) {
        return controllerPort + (broker.number() - 1) * BROKER_PORT_STEP;
    }

    /** The URL of the part's first instance. */
    public String url(Part service) {
        return "http://localhost:" + port(service);
    }

    public String url(Instance service) {
        return "http://localhost:" + port(service);
    }

    /** The URLs of every instance of a service, separated by commas: what the gateway balances over. */
    public String urls(Part service) {
        return String.join(",", instances(service).stream().map(this::url).toList());
    }

    /** Every local broker's address, separated by commas: what clients are given. */
    public String localBootstrap() {
        return String.join(",", instances(Part.KAFKA).stream().map(this::localBootstrap).toList());
    }

    public String localBootstrap(Instance broker) {
        return "127.0.0.1:" + port(broker);
    }

    public String localController(Instance broker) {
        return "127.0.0.1:" + controllerPort(broker);
    }

    /** The Kafka every client uses: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else the local broker. */
    public String bootstrapServers() {
        return externalKafka.orElse(localBootstrap());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path kafkaLib() {
        return root.resolve("kafka/target/lib");
    }

    public Path kafkaConfig() {
        return root.resolve("kafka/config");
    }

    /** An instance's log; the PostgreSQL server's is in its own folder, which its user owns. */
    public Path log(Instance instance) {
        return instance.part() == Part.POSTGRES ? dataDir.resolve("postgres/server.log")
                : logDir().resolve(instance.name() + ".log");
    }

    /** The log of a part that runs once. */
    public Path log(Part part) {
        return log(Instance.only(part));
    }

    public Path pidFile(Instance instance) {
        return runDir().resolve(instance.name() + ".pid");
    }

    /** The service's jar as the build leaves it. */
    public Path builtJar(Part service) {
        return root.resolve(service.partName() + "/target/" + service.partName() + "-exec.jar");
    }

    /**
     * What a service instance's command line carries to tell it from any other process (its pid file's path): a
     * pid in a pid file is taken as the instance only when the process's command line has it.
     */
    public String processMark(Instance service) {
        return "-Dsaga.pid-file=" + pidFile(service);
    }

    /** A path for a message: relative to the repository when inside it. */
    public String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    /**
     * What an instance of a service is told: the data folder, Kafka, its port, every part's port and the URLs of
     * every instance of each; and, on PostgreSQL, its database there, waiting at most 10 s for a row lock and 60 s
     * for a statement.
     */
    public Map<String, String> serviceEnvironment(Instance instance) {
        Part service = instance.part();
        Map<String, String> environment = new HashMap<>();
        if (database == Database.POSTGRES && service.hasChosenDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + port(Part.POSTGRES) + "/"
                    + service.partName() + POSTGRES_URL_OPTIONS);
            environment.put("SPRING_DATASOURCE_USERNAME", POSTGRES_USER);
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        environment.put("SAGA_DATA_DIR", dataDir.toString());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        for (Part part : Part.services()) {
            environment.put(part.portVariable(), Integer.toString(port(part)));
            environment.put(part.portVariable().replace("_PORT", "_URL"), urls(part));
        }
        environment.put(service.portVariable(), Integer.toString(port(instance)));
        return environment;
    }

    /** The environment's values, each checked as it is read. */
    private record Settings(Map<String, String> environment) {

        Optional<String> text(String name) {
            return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
        }

        List<String> words(String name, String defaults) {
            String value = environment.getOrDefault(name, defaults).trim();
            return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        }

        boolean onOff(String name, boolean defaultValue) {
            String value = text(name).orElse(defaultValue ? "on" : "off");
            if (!value.equals("on") && !value.equals("off")) {
                throw new SagaException(name + "=" + value + " is neither on nor off");
            }
            return value.equals("on");
        }

        int number(String name, int defaultValue) {
            String value = text(name).orElse(Integer.toString(defaultValue));
            if (!value.matches("\\d{1,6}")) {
                throw new SagaException(name + "=" + value + " is not a whole number");
            }
            return Integer.parseInt(value);
        }

        int port(String name, int defaultPort, Map<Integer, String> taken) {
            String value = text(name).orElse(Integer.toString(defaultPort));
            if (!value.matches("[1-9]\\d{0,4}") || Integer.parseInt(value) > 65535) {
                throw new SagaException(name + "=" + value + " is not a port number");
            }
            int port = Integer.parseInt(value);
            String other = taken.putIfAbsent(port, name);
            if (other != null) {
                throw new SagaException(name + "=" + port + ": that port is already given to " + other);
            }
            return port;
        }
    }
}
