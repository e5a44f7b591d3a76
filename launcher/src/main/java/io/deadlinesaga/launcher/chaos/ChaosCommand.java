package io.deadlinesaga.launcher.chaos;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

import io.deadlinesaga.launcher.Console;
import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.commands.BuildOptions;
import io.deadlinesaga.launcher.commands.LayoutOptions;
import io.deadlinesaga.launcher.commands.LoadCommand;
import io.deadlinesaga.launcher.commands.UpCommand;
import io.deadlinesaga.launcher.running.Supervisor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./saga chaos}: a load while instances of the saga's own services are SIGKILLed and started again, one at a
 * time, and the local broker restarts once, halfway (in a cluster: one node SIGKILLed and started again).
 */
@Command(name = "chaos", usageHelpWidth = 110,
        description = {"Runs ./saga load --chaos while, every --kill-every seconds, a random service instance (of "
                + "order, exchange, point, deadline, gateway) is killed with SIGKILL and started again, and the local "
                + "Kafka broker is restarted once, halfway (in a cluster of 3: one node killed with SIGKILL and started "
                + "again). The kills stop once the last order is sent, and every part is "
                + "running at the end. The load waits for every decision and compensation and checks I1-I6: late "
                + "decisions and rejections by the deadline are counted, not violations; anything else is a "
                + "violation.",
                "Needs the whole system up (./saga up), or brings it up with --db, --instances and --brokers as up does. The kills' and restarts' output: the data folder's "
                        + "logs/chaos.log. Exit status: the load driver's (0: every order decided, no violation)."},
        footer = "Other options go to the load driver (./saga load --help), e.g. --users 20 --timeout 300.")
public final class ChaosCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Context context;

    ChaosCommand(Context context) {
        this.context = context;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Option(names = "--orders", paramLabel = "N", description = "orders to place [${DEFAULT-VALUE}]")
    int orders = 1800;

    @Option(names = "--rate", paramLabel = "R", description = "orders per second [${DEFAULT-VALUE}]")
    double rate = 10;

    @Option(names = "--kill-every", paramLabel = "S",
            description = "seconds from one kill to the next; one part down at a time [${DEFAULT-VALUE}]")
    int killEvery = 20;

    @Option(names = "--no-kafka-restart", description = "leave the broker alone (a broker ./saga did not start is "
            + "never restarted)")
    boolean noKafkaRestart;

    @Mixin
    LayoutOptions layout;

    @Mixin
    BuildOptions build;

    @Option(names = "--chaos", hidden = true, description = "implied")
    boolean chaos;

    @Unmatched
    List<String> loadOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        validate();
        if (layout.anyGiven()) {
            layout.choose(context);
            UpCommand.bringUp(context);
        }
        Setup setup = context.setup();
        Supervisor supervisor = context.supervisor();
        Console console = context.console();
        boolean restartKafka = !noKafkaRestart;
        if (!supervisor.processes().isRunning(Part.KAFKA)) {
            if (setup.externalKafka().isEmpty()) {
                throw new SagaException("chaos: Kafka is not running; start everything first: ./saga up");
            }
            if (restartKafka) {
                console.say("chaos: the broker at " + setup.externalKafka().get() + " is not this script's: it is not "
                        + "restarted");
            }
            restartKafka = false;
        }
        for (Instance service : setup.serviceInstances()) {
            if (!supervisor.services().isHealthy(service)) {
                throw new SagaException("chaos: " + service + " is not up; start everything first: ./saga up");
            }
        }
        Duration window = Duration.ofSeconds((long) Math.ceil(orders / rate)); // the kills go on while orders are sent
        boolean cluster = setup.count(Part.KAFKA) > 1;
        console.say("chaos: a SIGKILL every " + killEvery + "s for " + window.toSeconds() + "s, while the orders are sent"
                + (!restartKafka ? "" : cluster ? "; one Kafka node SIGKILLed and started again, halfway"
                        : "; Kafka restarted once, halfway"));
        List<Instance> targets = setup.serviceInstances().stream().filter(instance -> instance.part().isOnTheOrdersPath())
                .toList();
        Tally tally = new Tally(targets);
        Path chaosLog = setup.logDir().resolve("chaos.log");
        Files.createDirectories(setup.logDir());
        try (PrintStream log = new PrintStream(new FileOutputStream(chaosLog.toFile(), true), true, StandardCharsets.UTF_8)) {
            Supervisor quiet = new Supervisor(setup, new Console(log, log, false));
            ChaosMonkey monkey = new ChaosMonkey(new ChaosPlan(targets, restartKafka, window.toMillis(),
                    RandomGenerator.getDefault()), new Hands(quiet, console, log, tally, setup), Duration.ofSeconds(killEvery),
                    window);
            Thread monkeyThread = new Thread(monkey, "chaos-monkey");
            monkeyThread.start();
            // Ctrl-C ends the load; the monkey finishes the action it is doing, so no part is left down
            Thread finishAction = new Thread(() -> {
                monkey.stop();
                join(monkeyThread);
            });
            Runtime.getRuntime().addShutdownHook(finishAction);
            List<String> load = new ArrayList<>(List.of("--chaos", "--warmup", "0", "--orders", Integer.toString(orders),
                    "--rate", Double.toString(rate)));
            load.addAll(loadOptions);
            int status = LoadCommand.run(context, load);
            monkey.stop();
            join(monkeyThread);
            Runtime.getRuntime().removeShutdownHook(finishAction);
            restore(quiet, console, setup);
            console.say(tally.summary());
            return status;
        }
    }

    private void validate() {
        if (orders < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "chaos: --orders must be a whole number above 0, not '" + orders + "'");
        }
        if (!(rate > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "chaos: --rate must be a number of orders per second above 0, not '" + rate + "'");
        }
        if (killEvery < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "chaos: --kill-every must be a whole number of seconds above 0, not '" + killEvery + "'");
        }
    }

    /** Starts whatever part is not running, so that every part is up after a chaos run. */
    private static void restore(Supervisor quiet, Console console, Setup setup) {
        for (Instance part : setup.instances()) {
            if (quiet.isThere(part)) {
                continue;
            }
            console.say("chaos: " + part + " is not running; starting it");
            try {
                quiet.start(part);
            }
            catch (SagaException ex) {
                console.warn("chaos: could not start " + part + " (see " + setup.shown(setup.logDir().resolve("chaos.log"))
                        + ")");
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The monkey's hands: this copy's processes, the output on the console and in the chaos log. */
    private record Hands(Supervisor supervisor, Console console, PrintStream log, Tally tally, Setup setup)
            implements ChaosMonkey.Hands {

        @Override
        public void killAndStart(Instance service, long elapsedMillis) {
            long began = System.nanoTime();
            Optional<ProcessHandle> process = supervisor.processes().running(service);
            if (process.isPresent()) {
                say(elapsedMillis, "SIGKILL " + service + " (pid " + process.get().pid() + ")");
                mark("SIGKILL " + service + " (pid " + process.get().pid() + ")");
                supervisor.processes().kill(process.get());
                tally.killed(service);
            }
            else {
                say(elapsedMillis, service + " is not running");
            }
            try {
                supervisor.start(service);
                say(elapsedMillis + since(began), service + " is up again after " + since(began) / 1000 + "s");
                tally.startedAgain();
            }
            catch (SagaException ex) {
                log.println("saga: " + ex.getMessage());
                say(elapsedMillis + since(began), service + " did not come up again (see "
                        + setup.shown(setup.logDir().resolve("chaos.log")) + ")");
            }
        }

        @Override
        public void restartKafka(long elapsedMillis) {
            List<Instance> nodes = setup.instances(Part.KAFKA);
            if (nodes.size() > 1) {
                // a cluster: one node dies as a power cut; the others keep every topic writable
                killAndStart(nodes.get(RandomGenerator.getDefault().nextInt(nodes.size())), elapsedMillis);
                return;
            }
            long began = System.nanoTime();
            say(elapsedMillis, "restarting Kafka");
            mark("./saga restart kafka");
            try {
                supervisor.stop(nodes);
                supervisor.start(nodes);
                say(elapsedMillis + since(began), "Kafka is up again after " + since(began) / 1000 + "s");
                tally.kafkaRestarted();
            }
            catch (SagaException ex) {
                log.println("saga: " + ex.getMessage());
                say(elapsedMillis + since(began), "Kafka did not come up again (see "
                        + setup.shown(setup.logDir().resolve("chaos.log")) + ")");
            }
        }

        private void say(long elapsedMillis, String what) {
            console.say(String.format("chaos [%4ds] %s", elapsedMillis / 1000, what));
        }

        private void mark(String what) {
            log.printf("%n===== %s  %s =====%n", LocalDateTime.now().format(STAMP), what);
        }

        private static long since(long nanos) {
            return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
        }
    }
}
