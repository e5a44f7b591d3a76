package io.deadlinesaga.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How many orders of each kind a load places, as weights: {@code ordinary=84,over-limit=6,100=1,…}. A plan
 * has exactly the mix's proportions (largest remainder), shuffled, so a small load still gets a few of each.
 */
final class OrderMix {

    static final OrderMix DEFAULT = new OrderMix(Map.of(
            OrderKind.ORDINARY, 84,
            OrderKind.OVER_LIMIT, 6,
            OrderKind.SLOW_EXCHANGE, 1,
            OrderKind.STALLED_EXCHANGE, 1,
            OrderKind.FAILING_EXCHANGE, 2,
            OrderKind.FLAKY_EXCHANGE, 2,
            OrderKind.SLOW_POINT, 1,
            OrderKind.EARLY, 3));

    private final Map<OrderKind, Integer> weights;
    /** whether a plan places the orders decided by the deadline before the others */
    private final boolean deadlineBoundFirst;

    private OrderMix(Map<OrderKind, Integer> weights) {
        this(weights, false);
    }

    private OrderMix(Map<OrderKind, Integer> weights, boolean deadlineBoundFirst) {
        EnumMap<OrderKind, Integer> all = new EnumMap<>(OrderKind.class);
        for (OrderKind kind : OrderKind.values()) {
            all.put(kind, weights.getOrDefault(kind, 0));
        }
        this.weights = Collections.unmodifiableMap(all);
        this.deadlineBoundFirst = deadlineBoundFirst;
    }

    /**
     * Reads {@code kind=weight,…}; kinds left out get weight 0.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the command line
     */
    static OrderMix parse(String spec) {
        Map<OrderKind, Integer> weights = new EnumMap<>(OrderKind.class);
        for (String part : spec.split(",", -1)) {
            String entry = part.strip();
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("'" + entry + "' is not kind=weight (kinds: " + OrderKind.labels() + ")");
            }
            String label = entry.substring(0, equals).strip();
            OrderKind kind = OrderKind.ofLabel(label).orElseThrow(() -> new IllegalArgumentException(
                    "unknown kind '" + label + "' (kinds: " + OrderKind.labels() + ")"));
            if (weights.containsKey(kind)) {
                throw new IllegalArgumentException("'" + label + "' is given twice");
            }
            weights.put(kind, weight(label, entry.substring(equals + 1).strip()));
        }
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            throw new IllegalArgumentException("every weight is 0: nothing to place");
        }
        return new OrderMix(weights);
    }

    private static int weight(String label, String text) {
        try {
            int weight = Integer.parseInt(text);
            if (weight >= 0 && weight <= 1_000_000) {
                return weight;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below, with the offending text
        }
        throw new IllegalArgumentException("the weight of " + label + " must be a whole number from 0 to 1000000, not '" + text + "'");
    }

    /**
     * The same mix, planned with the kinds decided by the deadline first: what a warm-up places. Their
     * deadlines and compensations run while the rest is still being placed, so the warm-up is over soon after
     * its last order, and the measured run meets no code path for the first time (at 100 orders/s its first
     * deadlines would otherwise find the deadline and compensation steps of every service cold at once).
     */
    OrderMix forWarmup() {
        return new OrderMix(weights, true);
    }

    int weight(OrderKind kind) {
        return weights.get(kind);
    }

    /** How many orders of each kind {@code orders} orders hold: the mix's proportions, rounded by largest remainder. */
    Map<OrderKind, Integer> counts(int orders) {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        Map<OrderKind, Integer> counts = new EnumMap<>(OrderKind.class);
        Map<OrderKind, Long> remainders = new EnumMap<>(OrderKind.class);
        int given = 0;
        for (OrderKind kind : OrderKind.values()) {
            long share = (long) orders * weights.get(kind);
            counts.put(kind, (int) (share / total));
            remainders.put(kind, share % total);
            given += counts.get(kind);
        }
        List<OrderKind> byRemainder = new ArrayList<>(List.of(OrderKind.values()));
        byRemainder.sort(Comparator.<OrderKind, Long>comparing(remainders::get).reversed());
        for (int i = 0; given < orders; i++, given++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return counts;
    }

    /** The kinds of {@code orders} orders, in the order they are to be placed. */
    List<OrderKind> plan(int orders, Random random) {
        List<OrderKind> plan = new ArrayList<>(orders);
        counts(orders).forEach((kind, count) -> plan.addAll(Collections.nCopies(count, kind)));
        Collections.shuffle(plan, random);
        if (deadlineBoundFirst) {
            plan.sort(Comparator.comparing(kind -> kind.pace() != OrderKind.Pace.BY_DEADLINE));
        }
        return plan;
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey().label() + "=" + entry.getValue()).collect(Collectors.joining(","));
    }
}
