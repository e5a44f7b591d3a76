package io.deadlinesaga.launcher.running;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.launcher.Console;
import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Setup;

/** Starts and stops the parts, the broker before the services and after them, saying what it does. */
public final class Supervisor {

    private final Setup setup;
    private final Processes processes;
    private final LocalBroker broker;
    private final Services services;
    private final LocalPostgres postgres;
    private final Console console;

    public Supervisor(Setup setup, Console console) {
        this.setup = setup;
        this.processes = new Processes(setup);
        this.broker = new LocalBroker(setup, processes);
        this.services = new Services(setup, processes);
        this.postgres = new LocalPostgres(setup);
        this.console = console;
    }

    public Processes processes() {
        return processes;
    }

    public Services services() {
        return services;
    }

    /** The instance's process, if it runs. */
    public Optional<ProcessHandle> running(Instance instance) {
        return instance.part() == Part.POSTGRES ? postgres.running() : processes.running(instance);
    }

    /** The local PostgreSQL server, when the services' databases are there. */
    public void startDatabase() {
        if (setup.database() == Setup.Database.POSTGRES) {
            postgres.start(console::say);
        }
    }

    /** The local broker(s), or a word on the external Kafka when {@code KAFKA_BOOTSTRAP_SERVERS} is set. */
    public void startKafka() {
        Optional<String> external = setup.externalKafka();
        if (external.isPresent()) {
            console.say("Using the Kafka at " + external.get() + " (KAFKA_BOOTSTRAP_SERVERS is set; no local broker "
                    + "started)");
            if (!Network.isOpen(external.get().split(",")[0])) {
                console.warn("warning: nothing answers on " + external.get().split(",")[0] + " yet");
            }
            return;
        }
        broker.start(console::say);
    }

    /**
     * Starts every instance given that does not run, then waits until they are all healthy.
     *
     * @param justBuilt a build just ran: a running service keeps its older build, and is told so
     */
    public void startServices(List<Instance> wanted, boolean justBuilt) {
        services.prepare(wanted.stream().filter(service -> processes.running(service).isEmpty()).toList(), console::say);
        List<Instance> started = new ArrayList<>();
        for (Instance service : wanted) {
            Optional<ProcessHandle> running = processes.running(service);
            if (running.isPresent()) {
                console.say(service + " is already running (pid " + running.get().pid() + ")" + (justBuilt
                        ? "; it keeps its previous build until ./saga restart " + service : ""));
                continue;
            }
            ProcessHandle process = services.launch(service);
            console.say("Started " + service + " (pid " + process.pid() + ", log " + setup.shown(setup.log(service))
                    + ")");
            started.add(service);
        }
        if (!started.isEmpty()) {
            services.awaitHealthy(started, console::say, console.statusLine());
        }
    }

    /** Starts the instances given (of one part, or each on its own) and waits until they are ready. */
    public void start(List<Instance> instances) {
        List<Instance> nodes = instances.stream().filter(instance -> instance.part() == Part.KAFKA).toList();
        if (!nodes.isEmpty()) {
            broker.start(nodes, console::say);
        }
        if (instances.stream().anyMatch(instance -> instance.part() == Part.POSTGRES)) {
            postgres.start(console::say);
        }
        List<Instance> wanted = instances.stream().filter(instance -> instance.part().isService()).toList();
        if (wanted.isEmpty()) {
            return;
        }
        if (setup.externalKafka().isEmpty() && !processes.isRunning(Part.KAFKA)) {
            console.warn("warning: Kafka is not running (./saga start kafka)");
        }
        startServices(wanted, false);
    }

    public void start(Instance instance) {
        start(List.of(instance));
    }

    /** SIGTERM to the instances given, and SIGKILL to those that have not ended in time. */
    public void stop(List<Instance> instances) {
        if (instances.stream().anyMatch(instance -> instance.part() == Part.POSTGRES)) {
            postgres.stop(console::say);
        }
        List<Instance> processesOnly = instances.stream().filter(instance -> instance.part() != Part.POSTGRES).toList();
        boolean anyBroker = processesOnly.stream().anyMatch(instance -> instance.part() == Part.KAFKA);
        processes.stop(anyBroker ? Setup.KAFKA_STOP_TIMEOUT : Setup.STOP_TIMEOUT, processesOnly, console::say);
    }

    public void stop(Instance instance) {
        stop(List.of(instance));
    }

    /** SIGKILL to the instances given, all at once, as a power cut; nothing is started again. */
    public void kill(List<Instance> instances) {
        Map<Instance, ProcessHandle> killed = new LinkedHashMap<>();
        for (Instance instance : instances) {
            Optional<ProcessHandle> process = running(instance);
            if (process.isEmpty()) {
                console.say("  " + instance + ": not running");
                continue;
            }
            killed.put(instance, process.get());
        }
        processes.kill(List.copyOf(killed.values()));
        killed.forEach((instance, process) -> console.say("  " + instance + ": killed (SIGKILL to pid " + process.pid()
                + ")"));
    }

    /** Every service, then the local broker(s), then the database server. */
    public void stopAll() {
        console.say("Stopping services");
        processes.stop(Setup.STOP_TIMEOUT, setup.serviceInstances(), console::say);
        if (processes.isRunning(Part.KAFKA)) {
            console.say("Stopping Kafka");
            broker.stop(console::say);
        }
        if (postgres.running().isPresent()) {
            console.say("Stopping PostgreSQL");
            postgres.stop(console::say);
        }
    }

    /** Whether an instance counts as there: running, or the broker given by {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public boolean isThere(Instance instance) {
        return running(instance).isPresent() || instance.part() == Part.KAFKA && setup.externalKafka().isPresent();
    }

    public LocalBroker broker() {
        return broker;
    }
}
