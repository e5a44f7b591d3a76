package io.deadlinesaga.launcher.chaos;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.deadlinesaga.launcher.Part;

/** What the monkey did, for the summary line at the end. */
final class Tally {

    private final List<Part> targets;
    private final Map<Part, Integer> kills = new EnumMap<>(Part.class);
    private int startedAgain;
    private int kafkaRestarts;

    Tally(List<Part> targets) {
        this.targets = List.copyOf(targets);
    }

    synchronized void killed(Part service) {
        kills.merge(service, 1, Integer::sum);
    }

    synchronized void startedAgain() {
        startedAgain++;
    }

    synchronized void kafkaRestarted() {
        kafkaRestarts++;
    }

    /** {@code chaos: 3 SIGKILLs (order 1, exchange 1, …), 3 services started again, Kafka restarted 1 time(s)}. */
    synchronized String summary() {
        int total = kills.values().stream().mapToInt(Integer::intValue).sum();
        String each = targets.stream().map(part -> part + " " + kills.getOrDefault(part, 0))
                .collect(Collectors.joining(", "));
        return "chaos: " + total + " SIGKILLs (" + each + "), " + startedAgain + " services started again, Kafka "
                + "restarted " + kafkaRestarts + " time(s)";
    }
}
