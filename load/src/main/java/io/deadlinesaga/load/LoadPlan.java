package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Who places which order: the run's accounts (named after the run, so a run never meets another's accounts),
 * and every order with its kind, holder, currency and amount, drawn from the seed. Each early order has a
 * holder of its own, whose account is opened only after the order.
 */
final class LoadPlan {

    private static final int ORDINARY_CURRENCIES = 3;

    final String runId;
    final List<String> users;
    final List<TrackedOrder> orders;

    private LoadPlan(String runId, List<String> users, List<TrackedOrder> orders) {
        this.runId = runId;
        this.users = users;
        this.orders = orders;
    }

    /**
     * @throws LoadOptions.BadOptionException when an account could not afford the orders meant to be approved
     */
    static LoadPlan of(LoadOptions options, String runId) {
        Random random = new Random(options.seed());
        List<String> users = new ArrayList<>(options.users());
        for (int i = 1; i <= options.users(); i++) {
            users.add(runId + "-u" + i);
        }
        List<TrackedOrder> orders = new ArrayList<>(options.orders());
        List<OrderKind> kinds = options.mix().plan(options.orders(), random);
        int early = 0;
        for (int i = 0; i < kinds.size(); i++) {
            OrderKind kind = kinds.get(i);
            String holder = kind == OrderKind.EARLY ? runId + "-e" + ++early : users.get(random.nextInt(users.size()));
            long currency = kind.faultCurrency() != 0 ? kind.faultCurrency() : 1 + random.nextInt(ORDINARY_CURRENCIES);
            // over the limit: twice what any account ever holds; otherwise 1.00 to 200.00
            BigDecimal amount = kind == OrderKind.OVER_LIMIT ? options.points().multiply(BigDecimal.valueOf(2))
                    : BigDecimal.valueOf(100 + random.nextInt(19_901), 2);
            // random, not from the seed: a repeated run must place new orders, not get the old ones back
            orders.add(new TrackedOrder(i, kind, holder, currency, amount, UUID.randomUUID().toString()));
        }
        LoadPlan plan = new LoadPlan(runId, Collections.unmodifiableList(users), Collections.unmodifiableList(orders));
        plan.requireAffordable(options.points());
        return plan;
    }

    /** Every account can pay for all its orders that are not over the limit (at the default rate, 1 point per unit). */
    private void requireAffordable(BigDecimal points) {
        Map<String, BigDecimal> spend = new HashMap<>();
        for (TrackedOrder order : orders) {
            if (order.kind != OrderKind.OVER_LIMIT) {
                spend.merge(order.holderId, order.amount, BigDecimal::add);
            }
        }
        BigDecimal most = spend.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        if (most.compareTo(points) > 0) {
            throw new LoadOptions.BadOptionException("--points " + points.toPlainString() + " is too few: an account "
                    + "would need " + most.toPlainString() + " for its orders; give more --points or --users");
        }
    }

    List<TrackedOrder> earlyOrders() {
        return orders.stream().filter(order -> order.kind == OrderKind.EARLY).toList();
    }

    /** Every account the run opens: the users', then each early order's holder. */
    List<String> allAccounts() {
        List<String> all = new ArrayList<>(users);
        earlyOrders().forEach(order -> all.add(order.holderId));
        return all;
    }
}
