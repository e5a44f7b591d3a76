package io.deadlinesaga.launcher.running;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.launcher.Console;
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

    /** The part's process, if it runs. */
    public Optional<ProcessHandle> running(Part part) {
        return part == Part.POSTGRES ? postgres.running() : processes.running(part);
    }

    /** The local PostgreSQL server, when the services' databases are there. */
    public void startDatabase() {
        if (setup.database() == Setup.Database.POSTGRES) {
            postgres.start(console::say);
        }
    }

    /** The local broker, or a word on the external one when {@code KAFKA_BOOTSTRAP_SERVERS} is set. */
    public void startKafka() {
        Optional<String> external = setup.externalKafka();
        if (external.isPresent()) {
            console.say("Using the Kafka at " + external.get() + " (KAFKA_BOOTSTRAP_SERVERS is set; no local broker "
                    + "started)");
            if (!Network.isOpen(external.get())) {
                console.warn("warning: nothing answers on " + external.get().split(",")[0] + " yet");
            }
            return;
        }
        broker.start(console::say);
    }

    /**
     * Starts every service given that does not run, then waits until they are all healthy.
     *
     * @param justBuilt a build just ran: a running service keeps its older build, and is told so
     */
    public void startServices(List<Part> wanted, boolean justBuilt) {
        List<Part> started = new ArrayList<>();
        for (Part service : wanted) {
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

    /** Starts one part and waits until it is ready. */
    public void start(Part part) {
        if (part == Part.POSTGRES) {
            postgres.start(console::say);
            return;
        }
        if (part == Part.KAFKA) {
            broker.start(console::say);
            return;
        }
        if (setup.externalKafka().isEmpty() && !processes.isRunning(Part.KAFKA)) {
            console.warn("warning: Kafka is not running (./saga start kafka)");
        }
        startServices(List.of(part), false);
    }

    public void stop(Part part) {
        if (part == Part.POSTGRES) {
            postgres.stop(console::say);
            return;
        }
        processes.stop(part == Part.KAFKA ? Setup.KAFKA_STOP_TIMEOUT : Setup.STOP_TIMEOUT, List.of(part),
                console::say);
    }

    /** Every service, then the local broker. */
    public void stopAll() {
        console.say("Stopping services");
        processes.stop(Setup.STOP_TIMEOUT, Part.services(), console::say);
        if (processes.isRunning(Part.KAFKA)) {
            console.say("Stopping Kafka");
            broker.stop(console::say);
        }
        if (postgres.running().isPresent()) {
            console.say("Stopping PostgreSQL");
            postgres.stop(console::say);
        }
    }

    /** Whether a part counts as there: running, or the broker given by {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public boolean isThere(Part part) {
        return running(part).isPresent() || part == Part.KAFKA && setup.externalKafka().isPresent();
    }


    public LocalBroker broker() {
        return broker;
    }
}
