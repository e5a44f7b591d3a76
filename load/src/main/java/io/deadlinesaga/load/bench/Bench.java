package io.deadlinesaga.load.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.deadlinesaga.load.LoadFigures;
import io.deadlinesaga.load.LoadMain;
import io.deadlinesaga.load.LoadPhases;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.InterruptException;

/**
 * {@code ./saga bench} once the system is up: a cold step, warm steps at rising rates up to the first that fails,
 * plain Kafka as a reference, and the deadline step; each step's figures printed as it ends, a summary at the
 * end, and everything written to the data folder for the saga view's chart.
 */
public final class Bench {

    /** How long the services may make no progress on what is left on the topic before the bench goes on anyway. */
    private static final Duration CATCH_UP_STALL = Duration.ofSeconds(60);

    /**
     * The system the bench measures.
     *
     * @param dataDir the data folder: the processes' pid files, and where the results go
     * @param chartUrl where the saga view shows the results
     */
    public record Target(String gateway, String bootstrapServers, String topic, Path dataDir, String chartUrl) {
    }

    private final BenchSettings settings;
    private final Target target;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final long ticksPerSecond = ProcessSample.ticksPerSecond();

    public Bench(BenchSettings settings, Target target, Map<String, String> environment, PrintStream out) {
        this.settings = settings;
        this.target = target;
        this.environment = environment;
        this.out = out;
    }

    /**
     * Runs every step, prints the summary and writes the results.
     *
     * @param startedAt when the bench command began
     * @param readySeconds how long {@code up} took, from its start to every service healthy
     * @return the results file
     * @throws io.deadlinesaga.load.LoadAbortedException when the gateway or Kafka cannot be reached
     */
    public Path run(Instant startedAt, BenchResults.Layout layout, double readySeconds) throws InterruptedException {
        try {
            return measure(startedAt, layout, readySeconds);
        }
        catch (InterruptException ex) {
            Thread.interrupted(); // Kafka's exception sets the flag again; the caller is told by the exception
            throw new InterruptedException("interrupted in a Kafka client");
        }
    }

    private Path measure(Instant startedAt, BenchResults.Layout layout, double readySeconds) throws InterruptedException {
        List<BenchResults.Step> steps = new ArrayList<>();
        steps.add(step("cold", true, settings.coldRate()));
        for (int rate : settings.rates()) {
            BenchResults.Step step = step("warm-" + rate, false, rate);
            steps.add(step);
            if (!step.passed()) {
                out.println("  stopping at the first step that failed");
                break;
            }
        }
        List<BenchResults.Step> passed = steps.stream().filter(step -> !step.cold() && step.passed()).toList();
        BenchResults.Step reference = passed.stream().max(Comparator.comparingInt(BenchResults.Step::rate))
                .orElse(steps.get(steps.size() - 1));
        BenchResults.Raw raw = settings.raw() ? raw(reference) : null;
        BenchResults.Deadlines deadlines = settings.deadlines() ? deadlines() : null;
        BenchResults results = new BenchResults(startedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                BenchResults.Machine.thisOne(), layout, Decimals.round(readySeconds, 1), steps,
                passed.isEmpty() ? null : reference.rate(), raw, deadlines);
        Path file = ResultsFile.write(results, target.dataDir(), startedAt);
        BenchTable.summary(results, file, target.chartUrl(), out);
        return file;
    }

    private BenchResults.Step step(String name, boolean cold, int rate) throws InterruptedException {
        int orders = settings.orders(rate);
        out.printf("%nstep %s: %d orders at %d/s for %d s%s%n", name, orders, rate, settings.stepSeconds(),
                cold ? ", right after the start, no warm-up" : "");
        out.flush();
        Samples samples = new Samples(target.dataDir().resolve("run"));
        LoadFigures figures = LoadMain.measure(List.of("--orders", Integer.toString(orders), "--rate",
                Integer.toString(rate), "--warmup", "0", "--gateway", target.gateway(), "--bootstrap-servers",
                target.bootstrapServers(), "--topic", target.topic()), environment, out, samples);
        figures.violations().stream().limit(20).forEach(violation -> out.println("  violation  " + violation));
        StepVerdict verdict = StepVerdict.of(figures.violations().size(), figures.settled(), figures.sentPerSecond(),
                figures.decidedPerSecond());
        // the system's processes by name, then the load driver's
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> measured = samples.after.cpuMsPerSagaSince(samples.before, ticksPerSecond, figures.decided());
        measured.forEach((process, millis) -> {
            if (!process.equals(ProcessSample.LOAD)) {
                cpu.put(process, Decimals.round(millis, 2));
            }
        });
        double servicesAndBroker = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        if (measured.containsKey(ProcessSample.LOAD)) {
            cpu.put(ProcessSample.LOAD, Decimals.round(measured.get(ProcessSample.LOAD), 2));
        }
        Map<String, Long> resident = samples.after.residentBytes();
        BenchResults.Step step = new BenchResults.Step(name, cold, rate, figures.orders(),
                Decimals.round(figures.sentPerSecond(), 1), Decimals.round(figures.decidedPerSecond(), 1),
                Distribution.of(figures.decisionLatencyMs()).latency(),
                Distribution.of(figures.deadlineLatenessMs()).lateness(), figures.violations().size(), verdict.passed(),
                verdict.failure(), cpu, Decimals.round(servicesAndBroker, 2), resident,
                resident.values().stream().mapToLong(Long::longValue).sum(), figures.topicRecords(),
                figures.topicRecords() == 0 ? 0 : Math.round((double) figures.topicBytes() / figures.topicRecords()));
        out.println();
        BenchTable.rowWithDetails(step, out);
        return step;
    }

    /** The processes sampled when the orders began to be sent, and once they were all settled. */
    private static final class Samples implements LoadPhases {

        private final Path runDir;
        private ProcessSample before;
        private ProcessSample after;

        Samples(Path runDir) {
            this.runDir = runDir;
        }

        @Override
        public void sending() {
            before = ProcessSample.take(runDir);
        }

        @Override
        public void settled() {
            after = ProcessSample.take(runDir);
        }
    }

    private BenchResults.Raw raw(BenchResults.Step reference) throws InterruptedException {
        out.printf("%nraw Kafka reference: the records of step %s on a topic of their own%n", reference.name());
        try (Admin admin = Admin.create(adminConfig())) {
            ConsumerGroups groups = new ConsumerGroups(admin);
            List<String> reading = groups.reading(target.topic());
            awaitCaughtUp(groups, reading);
            int groupCount = reading.isEmpty() ? ConsumerGroups.SAGA_GROUPS : reading.size();
            out.println("  consumer groups on " + target.topic() + ": " + (reading.isEmpty()
                    ? "none found now; taking the services' " + ConsumerGroups.SAGA_GROUPS : String.join(", ", reading)));
            BenchResults.Raw measured = new RawReference(target.bootstrapServers(), target.topic(), out)
                    .run(reference.records(), (int) reference.recordBytes(), groupCount);
            double recordsPerSaga = (double) reference.records() / reference.orders();
            double sagasPerSecond = measured.recordsPerSecond() / recordsPerSaga;
            BenchResults.Raw raw = new BenchResults.Raw(measured.records(), measured.recordBytes(), measured.groups(),
                    measured.seconds(), measured.recordsPerSecond(), Decimals.round(sagasPerSecond, 1),
                    Decimals.round(reference.decidedPerSecond() / sagasPerSecond, 3));
            out.printf(Locale.ROOT, "  %.2f s: %.0f records/s, at %.1f records per saga %.1f sagas/s; the saga"
                    + " decided %.1f/s, %.3f of that%n", raw.seconds(), raw.recordsPerSecond(), recordsPerSaga,
                    raw.sagasPerSecond(), reference.decidedPerSecond(), raw.ratio());
            return raw;
        }
        catch (BenchException ex) {
            out.println("  raw Kafka reference not measured: " + ex.getMessage());
            return null;
        }
    }

    private BenchResults.Deadlines deadlines() throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig())) {
            ConsumerGroups groups = new ConsumerGroups(admin);
            awaitCaughtUp(groups, groups.reading(target.topic()));
        }
        catch (BenchException ex) {
            out.println("  could not see whether the services have caught up: " + ex.getMessage());
        }
        try {
            return new DeadlineStep(target.bootstrapServers(), target.topic(), out).run(settings.pendingDeadlines(),
                    settings.deadlineProbes());
        }
        catch (BenchException ex) {
            out.println("  deadline step not measured: " + ex.getMessage());
            return null;
        }
    }

    /** Waits until the services have read what a step left on the topic, so that the next part runs on a quiet system. */
    private void awaitCaughtUp(ConsumerGroups groups, List<String> reading) throws InterruptedException {
        if (!Countdown.await("services catching up on " + target.topic(), () -> groups.lag(target.topic(), reading),
                CATCH_UP_STALL, out)) {
            out.println("  the services are still behind; going on");
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "saga-bench");
        return config;
    }
}
