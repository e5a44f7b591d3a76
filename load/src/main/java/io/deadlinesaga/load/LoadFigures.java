package io.deadlinesaga.load;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bench compares of one load. Its rates count the prompt orders only, those the system decides as fast
 * as it goes: an order decided by the deadline is decided 10 s after it was placed by design, and an early one
 * when its holder's account opens, so counting them would make every step look slower than the system is.
 *
 * @param orders the orders sent, of every kind
 * @param sentPerSecond the prompt orders sent per second, over the time from the first order sent to the last
 * @param decidedPerSecond the prompt orders decided per second, over the time from the first order sent to the
 *        last decision of a prompt order
 * @param decided the orders decided, of every kind
 * @param decisionLatencyMs of each prompt order decided, {@code decidedAt - createdAt} (as the load's report)
 * @param deadlineLatenessMs {@code firedAt - deadline} of every DeadlineReached of the load's orders
 * @param violations one line for each
 * @param settled whether every order was settled within the load's timeout
 * @param topicRecords the records read from the topic while the load ran, and {@code topicBytes} their bytes
 *        (keys, values and headers)
 */
public record LoadFigures(int orders, double sentPerSecond, double decidedPerSecond, int decided,
        long[] decisionLatencyMs, long[] deadlineLatenessMs, List<String> violations, boolean settled,
        long topicRecords, long topicBytes) {

    static LoadFigures of(LoadResult result) {
        LoadOptions options = result.options();
        int prompt = options.mix().counts(options.orders()).entrySet().stream()
                .filter(entry -> entry.getKey().pace() == OrderKind.Pace.PROMPT).mapToInt(Map.Entry::getValue).sum();
        double sendSeconds = result.sendMillis() / 1000.0;
        List<OrderState> promptDecided = result.orders().stream()
                .filter(facts -> facts.kind().pace() == OrderKind.Pace.PROMPT)
                .map(OrderFacts::order).filter(Objects::nonNull).filter(order -> order.decidedAt() != null).toList();
        long lastDecided = promptDecided.stream().mapToLong(OrderState::decidedAt).max().orElse(result.startedAt());
        int decided = (int) result.orders().stream().map(OrderFacts::order)
                .filter(order -> order != null && order.decidedAt() != null).count();
        return new LoadFigures(options.orders(), sendSeconds > 0 ? prompt / sendSeconds : 0,
                lastDecided > result.startedAt() ? promptDecided.size() * 1000.0 / (lastDecided - result.startedAt()) : 0,
                decided, promptDecided.stream().mapToLong(order -> order.decidedAt() - order.createdAt()).toArray(),
                result.deadlineLateness(), result.violations().stream().map(Violation::toString).toList(),
                result.settledMillis() >= 0, result.topicRecords(), result.topicBytes());
    }
}
