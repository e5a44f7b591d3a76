package io.deadlinesaga.launcher.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.deadlinesaga.launcher.Instance;

/** What the monkey did, for the summary line at the end. */
final class Tally {

    private final Map<String, Integer> kills = new LinkedHashMap<>();
    private int startedAgain;
    private int kafkaRestarts;

    Tally(List<Instance> targets) {
        targets.forEach(target -> kills.put(target.name(), 0));
    }

    /** A SIGKILL: of a target, or of a node of the Kafka cluster. */
    synchronized void killed(Instance instance) {
        kills.merge(instance.name(), 1, Integer::sum);
    }

    synchronized void startedAgain() {
        startedAgain++;
    }

    synchronized void kafkaRestarted() {
        kafkaRestarts++;
    }

    /** {@code chaos: 3 SIGKILLs (order 1, exchange 1, …), 3 parts started again, Kafka restarted 1 time(s)}. */
    synchronized String summary() {
        int total = kills.values().stream().mapToInt(Integer::intValue).sum();
        String each = kills.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return "chaos: " + total + " SIGKILLs (" + each + "), " + startedAgain + " parts started again"
                + (kafkaRestarts > 0 ? ", Kafka restarted " + kafkaRestarts + " time(s)" : "");
    }
}
