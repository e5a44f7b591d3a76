package io.deadlinesaga.load;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.deadlinesaga.contract.rules.ServiceFacts;

/** The figures of a finished load and its violations, ending with the line {@code violations: N}. */
final class Report {

    private final LoadResult result;

    Report(LoadResult result) {
        this.result = result;
    }

    void print(PrintStream out) {
        LoadOptions options = result.options();
        out.println();
        out.println("result");
        line(out, "orders", outcomes());
        line(out, "rate", rates());
        Map<OrderKind.Pace, Percentiles> latency = latencies();
        line(out, "latency", "decision (decidedAt - createdAt), by how soon an order can be decided:");
        for (OrderKind.Pace pace : OrderKind.Pace.values()) {
            Percentiles values = latency.get(pace);
            if (!values.isEmpty()) {
                line(out, "", String.format("%-12s %s   (%s%s)", pace.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        values.describe(50, 95, 99), pace.kinds(), paceNote(pace, options)));
            }
        }
        line(out, "steps", "of the ordinary orders approved, from one event's timestamp to the next's, and the outbox's share of each:");
        result.steps().forEach((step, millis) -> line(out, "", String.format("%-41s %s", step,
                Percentiles.of(millis).describe(50, 95, 99))));
        line(out, "lateness", Percentiles.of(result.deadlineLateness()).describe(50, 99)
                + "   (DeadlineReached: firedAt - deadline)");
        line(out, "compensation", compensations());
        line(out, "requests", String.format(Locale.ROOT, "%d HTTP requests while running (%.1f per order), %d to check;"
                + " %d repeated after a connection error or a 5xx", result.requestsWhileRunning(),
                result.requestsWhileRunning() / (double) options.orders(),
                result.requests() - result.requestsWhileRunning(), result.retries()));
        if (options.chaos()) {
            line(out, "late", result.check().lateDecisions() + " decisions later than deadline + 1 s (a part was down)");
            line(out, "otherwise", otherOutcomes());
            line(out, "by deadline", ordinaryRejectedByDeadline());
        }
        line(out, "redelivered", result.redeliveries() + " records repeated an event already on the topic (same"
                + " eventId: the outbox sends again after a crash, consumers drop the copy)");
        line(out, "checked", "I1-I6 and each kind's outcome over " + result.orders().size() + " orders, "
                + result.accounts() + " accounts, " + result.topicRecordsOfOurs() + " events of theirs on the topic ("
                + result.topicRecords() + " records read since the load began)");
        for (Violation violation : result.violations()) {
            out.println("  violation     " + violation);
        }
        out.println("violations: " + result.violations().size());
        out.flush();
    }

    private static void line(PrintStream out, String label, String text) {
        out.printf("  %-13s %s%n", label, text);
    }

    private String outcomes() {
        long approved = result.orders().stream().filter(facts -> hasStatus(facts, Outcome.APPROVED)).count();
        Map<String, Long> rejected = result.orders().stream().filter(facts -> hasStatus(facts, Outcome.REJECTED))
                .collect(Collectors.groupingBy(facts -> String.valueOf(facts.order().reason()), TreeMap::new,
                        Collectors.counting()));
        long undecided = result.orders().size() - approved - rejected.values().stream().mapToLong(Long::longValue).sum();
        String reasons = rejected.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return result.options().orders() + " sent, " + result.orders().size() + " placed: APPROVED " + approved
                + ", REJECTED " + rejected.values().stream().mapToLong(Long::longValue).sum()
                + (reasons.isEmpty() ? "" : " (" + reasons + ")") + (undecided > 0 ? ", undecided " + undecided : "");
    }

    private static boolean hasStatus(OrderFacts facts, String status) {
        return facts.order() != null && status.equals(facts.order().status());
    }

    private String rates() {
        int sent = result.options().orders();
        String sending = sent > 1 && result.sendMillis() > 0
                ? String.format(Locale.ROOT, "sent %.1f orders/s (%d in %.1f s)", (sent - 1) * 1000.0 / result.sendMillis(),
                        sent, result.sendMillis() / 1000.0)
                : "sent " + sent;
        // throughput of the orders decided as fast as the system goes: the deadline-bound ones would add 10 s
        long firstCreated = result.orders().stream().filter(facts -> facts.order() != null)
                .mapToLong(facts -> facts.order().createdAt()).min().orElse(0);
        long[] decided = result.orders().stream()
                .filter(facts -> facts.kind().pace() == OrderKind.Pace.PROMPT && facts.order() != null)
                .map(facts -> facts.order().decidedAt()).filter(Objects::nonNull).mapToLong(Long::longValue).toArray();
        long lastDecided = Arrays.stream(decided).max().orElse(firstCreated);
        String deciding = decided.length > 0 && lastDecided > firstCreated
                ? String.format(Locale.ROOT, "; decided %.1f orders/s (%d prompt orders from first created to last"
                        + " decided in %.1f s)", decided.length * 1000.0 / (lastDecided - firstCreated), decided.length,
                        (lastDecided - firstCreated) / 1000.0)
                : "";
        String settling = result.settledMillis() >= 0
                ? String.format(Locale.ROOT, "; all settled %.1f s after the last was sent", result.settledMillis() / 1000.0)
                : "; NOT all settled in time";
        return sending + deciding + settling;
    }

    private Map<OrderKind.Pace, Percentiles> latencies() {
        Map<OrderKind.Pace, Percentiles> latencies = new EnumMap<>(OrderKind.Pace.class);
        for (OrderKind.Pace pace : OrderKind.Pace.values()) {
            latencies.put(pace, Percentiles.of(result.orders().stream()
                    .filter(facts -> facts.kind().pace() == pace && facts.order() != null && facts.order().decidedAt() != null)
                    .mapToLong(facts -> facts.order().decidedAt() - facts.order().createdAt()).toArray()));
        }
        return latencies;
    }

    private static String paceNote(OrderKind.Pace pace, LoadOptions options) {
        return switch (pace) {
            case PROMPT -> "";
            case EARLY -> ": account opened " + options.earlyDelay().toMillis() + " ms after the order";
            case BY_DEADLINE -> ": rejected at the deadline by design";
        };
    }

    private String compensations() {
        long rejected = result.orders().stream().filter(facts -> hasStatus(facts, Outcome.REJECTED)).count();
        long completed = result.orders().stream().filter(facts -> hasStatus(facts, Outcome.REJECTED)
                && ServiceFacts.COMPLETED.equals(facts.order().compensation())).count();
        return completed + " of " + rejected + " rejected orders COMPLETED";
    }

    /**
     * Ordinary orders are approved at once when every part is up: those the deadline rejected lost a race with a
     * death, or with the load that a restart put on the machine.
     */
    private String ordinaryRejectedByDeadline() {
        long ordinary = result.orders().stream().filter(facts -> facts.kind() == OrderKind.ORDINARY).count();
        long byDeadline = result.orders().stream().filter(facts -> facts.kind() == OrderKind.ORDINARY
                && facts.order() != null && facts.order().outcome().isRejectionBy("DEADLINE")).count();
        return String.format(Locale.ROOT, "%d of %d ordinary orders (%.2f %%) rejected by the deadline while parts "
                + "were killed", byDeadline, ordinary, ordinary == 0 ? 0.0 : 100.0 * byDeadline / ordinary);
    }

    private String otherOutcomes() {
        Map<String, Integer> others = result.check().otherOutcomes();
        int total = others.values().stream().mapToInt(Integer::intValue).sum();
        String which = others.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return total + " orders ended otherwise because a part was down" + (which.isEmpty() ? "" : ": " + which);
    }
}
