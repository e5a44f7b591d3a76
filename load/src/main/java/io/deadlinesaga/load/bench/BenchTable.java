package io.deadlinesaga.load.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The bench's output: one row per step as it ends, with its details below, and the summary at the end. */
final class BenchTable {

    private static final String ROW = "%-10s %5s %7s %7s %9s %6s %6s %6s %6s %8s %5s %9s %9s  %s%n";

    private BenchTable() {
    }

    static void header(PrintStream out) {
        out.printf(Locale.ROOT, ROW, "step", "rate", "orders", "sent/s", "decided/s", "p50", "p99", "p99.9", "max",
                "late p99", "viol", "cpu/saga", "resident", "verdict");
    }

    static void row(BenchResults.Step step, PrintStream out) {
        BenchResults.LatencyMs latency = step.latencyMs();
        out.printf(Locale.ROOT, ROW, step.name(), step.rate(), step.orders(), one(step.sentPerSecond()),
                one(step.decidedPerSecond()), latency.p50(), latency.p99(), latency.p999(), latency.max(),
                step.deadlineLatenessMs().count() == 0 ? "-" : Long.toString(step.deadlineLatenessMs().p99()),
                step.violations(), String.format(Locale.ROOT, "%.2f", step.cpuMsPerSagaServicesAndBroker()),
                megabytes(step.residentBytesTotal()), step.passed() ? "passed" : "FAILED");
    }

    /** The row, and below it what does not fit in it: each process's share, and why the step failed. */
    static void rowWithDetails(BenchResults.Step step, PrintStream out) {
        header(out);
        row(step, out);
        out.println("           cpu ms/saga  " + list(step.cpuMsPerSaga(), value -> String.format(Locale.ROOT, "%.2f",
                value)));
        out.println("           resident     " + list(step.residentBytes(), BenchTable::megabytes) + "; total "
                + megabytes(step.residentBytesTotal()));
        out.printf(Locale.ROOT, "           records      %d on the topic, %d bytes on average%n", step.records(),
                step.recordBytes());
        if (!step.passed()) {
            out.println("           failed       " + step.failure());
        }
        out.flush();
    }

    static void summary(BenchResults results, Path file, String chartUrl, PrintStream out) {
        out.println();
        out.println("bench summary: latency and lateness in ms; sent/s and decided/s of the prompt orders; cpu/saga: ms "
                + "of the services and the broker (and a local PostgreSQL) per order decided; resident: every process "
                + "at the step's end");
        header(out);
        results.steps().forEach(step -> row(step, out));
        out.printf(Locale.ROOT, "ready in                 %.1f s (up, from its start to every service healthy)%n",
                results.readySeconds());
        out.println("highest sustained rate   " + (results.bestRate() == null ? "none: no warm step passed"
                : results.bestRate() + " orders/s"));
        BenchResults.Raw raw = results.raw();
        out.println("raw Kafka                " + (raw == null ? "not measured" : String.format(Locale.ROOT,
                "%d records of %d bytes read by %d groups in %.2f s: %.0f records/s, %.1f sagas/s; the saga decided "
                        + "%.3f of that", raw.records(), raw.recordBytes(), raw.groups(), raw.seconds(),
                raw.recordsPerSecond(), raw.sagasPerSecond(), raw.ratio())));
        BenchResults.Deadlines deadlines = results.deadlines();
        out.println("deadlines                " + (deadlines == null ? "not measured" : String.format(Locale.ROOT,
                "%d pending; %d of %d probes fired, lateness p50 %d ms, p99 %d ms, max %d ms", deadlines.pending(),
                deadlines.fired(), deadlines.probes(), deadlines.latenessMs().p50(), deadlines.latenessMs().p99(),
                deadlines.latenessMs().max())));
        out.println("results                  " + file);
        out.println("chart                    " + chartUrl);
        out.flush();
    }

    private static <V> String list(Map<String, V> values, java.util.function.Function<V, String> format) {
        return values.entrySet().stream().map(entry -> entry.getKey() + " " + format.apply(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
