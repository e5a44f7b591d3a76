package io.deadlinesaga.launcher.commands;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.launcher.Console;
import io.deadlinesaga.launcher.Context;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.Supervisor;
import io.deadlinesaga.load.LoadAbortedException;
import io.deadlinesaga.load.bench.Bench;
import io.deadlinesaga.load.bench.BenchResults;
import io.deadlinesaga.load.bench.BenchSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./saga bench}: the system measured in one run, from a fresh start, so that two runs (before and after a
 * change) are comparable: how long it takes to be ready, a cold step, warm steps at rising rates up to the first
 * that fails, plain Kafka on the same broker as a yardstick, and deadlines firing while many are pending.
 */
@Command(name = "bench", usageHelpWidth = 110,
        description = {"Measures the system in one run. Stops it if it runs (its data is kept), brings it up with "
                + "--db, --instances and --brokers as up does, and times that until every service is healthy. Then "
                + "loads it as ./saga load does (the same mix of orders, checked for violations), one step after "
                + "another, each --step-seconds long: a cold step at --cold-rate right after the start, then a step "
                + "at each of --rates, stopping after the first that fails: a violation, an order not settled "
                + "within 60 s, or the prompt orders (all but those that wait, by design, for their deadline or "
                + "their holder's account) decided at less than 95 %% of the rate they were sent at. Each "
                + "step's row: sent/s, decided/s, decision latency p50/p99/p99.9/max, deadline lateness, "
                + "violations, CPU ms per saga of each process (from the first order sent to the last settled) and "
                + "resident memory.",
                "Then, unless --no-raw: the records of the best step that passed, as many and as big, through a "
                        + "topic of their own (bench-raw, deleted after) with as many consumer groups as the "
                        + "services, to compare the saga with what the broker alone carries. Then, unless "
                        + "--no-deadlines: --pending-deadlines synthetic orders (holder bench-deadline, currency "
                        + "300, ids from 9000000000000000 on, which only the deadline service keeps) due in 30 "
                        + "min, and --deadline-probes more due at 100/s from 12 s on, whose firing is timed; the "
                        + "pending ones are cancelled after. The saga view shows these synthetic sagas.",
                "The results go to <data folder>/bench/bench-<UTC time>.json and latest.json, which the saga "
                        + "view charts at /bench. Ctrl-C stops the bench; the system stays up."},
        footer = {"", "Exit status: 0 measured (a step that fails is a finding); 1 the system could not be brought up "
                + "or reached; 2 bad options."})
public final class BenchCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the bench to tidy up (the bench topic, the pending deadlines). */
    private static final long TIDY_UP_SECONDS = 15;

    final Context context;

    BenchCommand(Context context) {
        this.context = context;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Option(names = "--cold-rate", paramLabel = "R", description = "orders per second of the cold step, run right "
            + "after the start with no warm-up [${DEFAULT-VALUE}]")
    String coldRate = "100";

    @Option(names = "--rates", paramLabel = "R,R,...", description = "orders per second of the warm steps, run in "
            + "this order until one fails [${DEFAULT-VALUE}]")
    String rates = "50,100,200,400,800,1600";

    @Option(names = "--step-seconds", paramLabel = "S", description = "how long each step sends its orders, at least "
            + "5: a step places rate x S orders [${DEFAULT-VALUE}]")
    String stepSeconds = "30";

    @Option(names = "--pending-deadlines", paramLabel = "N", description = "deadlines the deadline service holds "
            + "pending while the probes come due [${DEFAULT-VALUE}]")
    String pendingDeadlines = "100000";

    @Option(names = "--deadline-probes", paramLabel = "N", description = "deadlines that come due at 100/s during the "
            + "deadline step, and whose lateness is measured [${DEFAULT-VALUE}]")
    String deadlineProbes = "2000";

    @Option(names = "--no-raw", description = "skip the plain-Kafka reference")
    boolean noRaw;

    @Option(names = "--no-deadlines", description = "skip the deadline step")
    boolean noDeadlines;

    @Mixin
    LayoutOptions layout;

    @Mixin
    BuildOptions build;

    @Override
    public Integer call() {
        BenchSettings settings = settings();
        Instant startedAt = Instant.now();
        Console console = context.console();
        if (isRunning()) {
            console.say("bench: the system is running; stopping it first (its data is kept)");
            DownCommand.down(context, false);
        }
        layout.choose(context);
        long upStarted = System.nanoTime();
        UpCommand.bringUp(context);
        double readySeconds = (System.nanoTime() - upStarted) / 1e9;
        console.say(String.format(Locale.ROOT, "bench: ready in %.1f s (up, from its start to every service healthy)",
                readySeconds));
        Setup setup = context.setup();
        Bench bench = new Bench(settings, new Bench.Target(setup.url(Part.GATEWAY), setup.bootstrapServers(), Wire.TOPIC,
                setup.dataDir(), setup.url(Part.SAGA_VIEW) + "/bench"), context.environment(), console.out());
        BenchResults.Layout chosen = new BenchResults.Layout(setup.database().label(), setup.instanceCount(),
                setup.count(Part.KAFKA));
        return measure(bench, startedAt, chosen, readySeconds);
    }

    /**
     * Runs the bench; on Ctrl-C interrupts it and gives it a moment to tidy up before the JVM ends, leaving the
     * system up.
     */
    private int measure(Bench bench, Instant startedAt, BenchResults.Layout chosen, double readySeconds) {
        Thread benchThread = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            benchThread.interrupt();
            try {
                finished.await(TIDY_UP_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "bench-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            bench.run(startedAt, chosen, readySeconds);
            return 0;
        }
        catch (InterruptedException ex) {
            context.console().say("bench: stopped; the system stays up (./saga down stops it)");
            return 130;
        }
        catch (LoadAbortedException ex) {
            throw new SagaException("bench: " + ex.getMessage());
        }
        finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            }
            catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running, and ends now that the bench has
            }
        }
    }

    private BenchSettings settings() {
        try {
            return BenchSettings.parse(coldRate, rates, stepSeconds, pendingDeadlines, deadlineProbes, noRaw,
                    noDeadlines);
        }
        catch (BenchSettings.BadSettingException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bench: " + ex.getMessage());
        }
    }

    private boolean isRunning() {
        Supervisor supervisor = context.supervisor();
        return context.setup().instances().stream().anyMatch(instance -> supervisor.running(instance).isPresent());
    }
}
