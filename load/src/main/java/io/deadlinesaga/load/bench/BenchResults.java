package io.deadlinesaga.load.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * Everything a bench measured, as {@code <data folder>/bench/bench-<time>.json} holds it: the saga view's chart
 * reads that file, so these records and their components' names are the file's format, each written as its own
 * JSON object in the order declared here.
 *
 * @param startedAt when the bench began, UTC, to the second ({@code 2026-11-30T13:40:00Z})
 * @param readySeconds from the start of {@code up} to every service healthy
 * @param steps the cold step, then the warm steps run, up to the first that failed
 * @param bestRate the highest rate of a warm step that passed; null when none did
 * @param raw the plain-Kafka reference; null when skipped ({@code --no-raw}) or it could not run
 * @param deadlines the deadline step; null when skipped ({@code --no-deadlines}) or it could not run
 */
public record BenchResults(String startedAt, Machine machine, Layout layout, double readySeconds, List<Step> steps,
        Integer bestRate, Raw raw, Deadlines deadlines) {

    /** The machine the bench ran on. */
    public record Machine(int cores, long memoryBytes, String java, String os) {

        public static Machine thisOne() {
            long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : 0;
            return new Machine(Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
    }

    /** How the system ran: {@code ./saga up}'s {@code --db}, {@code --instances} and {@code --brokers}. */
    public record Layout(String database, int instances, int brokers) {
    }

    /**
     * One load at one rate.
     *
     * @param cold whether it ran right after the start, before anything had warmed the services up
     * @param rate the orders per second asked for
     * @param orders the orders sent
     * @param sentPerSecond prompt orders sent per second (those the system decides as fast as it goes: not the
     *        orders decided by their deadline by design, nor those waiting for their holder's account)
     * @param decidedPerSecond prompt orders decided per second, from the first order sent to the last decision
     * @param latencyMs decision latency of the prompt orders ({@code decidedAt - createdAt})
     * @param deadlineLatenessMs {@code firedAt - deadline} of the deadlines of the step's orders that fired
     * @param failure why the step failed, null when it passed
     * @param cpuMsPerSaga CPU time of each process while the orders ran (from the first sent to all settled,
     *        the audit after it left out), in ms per order decided; {@code load} is the load driver
     * @param cpuMsPerSagaServicesAndBroker the sum of the above without the load driver
     * @param residentBytes resident memory of each process once every order was settled
     * @param records the records read from the topic during the step, and {@code recordBytes} their average size
     *        (key, value and headers)
     */
    public record Step(String name, boolean cold, int rate, int orders, double sentPerSecond, double decidedPerSecond,
            LatencyMs latencyMs, LatenessMs deadlineLatenessMs, int violations, boolean passed, String failure,
            Map<String, Double> cpuMsPerSaga, double cpuMsPerSagaServicesAndBroker, Map<String, Long> residentBytes,
            long residentBytesTotal, long records, long recordBytes) {
    }

    /** Percentiles of the decision latency, ms; all 0 when no order was decided. */
    public record LatencyMs(long p50, long p99, long p999, long max) {
    }

    /** How many deadlines fired and how late, ms; all 0 when none fired. */
    public record LatenessMs(long count, long p50, long p99, long max) {
    }

    /**
     * Plain Kafka on the same broker: as many records of the same average size as the reference step put on the
     * saga's topic, produced as the services produce (acks=all, idempotent) and read by as many consumer groups.
     *
     * @param seconds from the first record sent until every group had read every record
     * @param sagasPerSecond {@code recordsPerSecond} divided by the reference step's records per saga
     * @param ratio the reference step's decided/s divided by {@code sagasPerSecond}: the share of what the broker
     *        alone could carry that the saga achieves
     */
    public record Raw(long records, long recordBytes, int groups, double seconds, double recordsPerSecond,
            double sagasPerSecond, double ratio) {
    }

    /**
     * The deadline service holding many pending deadlines while some others come due.
     *
     * @param pending the deadlines kept pending meanwhile
     * @param probes the deadlines that came due, of which {@code fired} fired within the wait
     */
    public record Deadlines(int pending, int probes, int fired, LatenessMs latenessMs) {
    }
}
