package io.deadlinesaga.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import io.deadlinesaga.contract.EventName;

/**
 * The check after a load: reads the topic to its end and what every service holds for every order and account,
 * and checks the invariants. A violation that may still clear (an event on its way to the topic or to the
 * deadline service, a compensation a moment from done) is checked again every second for a while, on the
 * orders and accounts concerned only; a lasting one (a decision, an event already on the topic) is not.
 */
final class Audit {

    private static final int CALLS_AT_ONCE = 24;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(120);

    /**
     * What the check found.
     *
     * @param notPlaced orders whose POST never succeeded, as violations
     * @param deadlineLateness {@code firedAt - deadline} of every DeadlineReached of the placed orders
     * @param eventsOfOrders events of the placed orders on the topic
     * @param redeliveries records of the placed orders that repeated an event already on the topic
     * @param steps of the ordinary orders approved: from one event's timestamp to the next's, by step
     */
    record Findings(Collection<OrderFacts> orders, int accounts, CheckResult check, List<Violation> notPlaced,
            long[] deadlineLateness, long eventsOfOrders, long redeliveries, Map<String, long[]> steps) {
    }

    private final LoadOptions options;
    private final TopicWatcher topic;
    private final PrintStream out;
    private final FactCollector collector;

    Audit(LoadOptions options, GatewayClient gateway, TopicWatcher topic, PrintStream out) {
        this.options = options;
        this.topic = topic;
        this.out = out;
        // a service still failing after this is reported as unreadable, not waited for
        this.collector = new FactCollector(gateway, Duration.ofSeconds(options.chaos() ? 60 : 30), CALLS_AT_ONCE);
    }

    /** @throws TopicWatcher.UnreachableException when the topic cannot be read to its end */
    Findings run(LoadPlan plan) throws InterruptedException {
        List<TrackedOrder> placed = plan.orders.stream().filter(TrackedOrder::isPlaced).toList();
        List<Violation> notPlaced = plan.orders.stream().filter(order -> !order.isPlaced())
                .map(order -> Violation.notPlaced(order.index, order.kind,
                        order.placingError() != null ? order.placingError() : "still no answer at the end"))
                .toList();
        List<String> accounts = plan.allAccounts();
        out.printf("  checking: the topic, and each service's view of %d orders and %d accounts%n", placed.size(),
                accounts.size());
        InvariantChecker checker = new InvariantChecker(options.chaos());
        topic.catchUp(TOPIC_TIMEOUT);
        Map<Long, OrderFacts> facts = new ConcurrentHashMap<>(collector.orders(placed, false, topic::tallyOf));
        Map<String, AccountFacts> balances = new ConcurrentHashMap<>(collector.accounts(accounts, options.points()));
        CheckResult check = checker.check(facts.values(), balances.values());
        long recheckUntil = System.nanoTime() + Duration.ofSeconds(options.chaos() ? 60 : 10).toNanos();
        while (check.mayClear() && System.nanoTime() < recheckUntil) {
            Thread.sleep(1_000);
            List<Violation> mayClear = check.violations().stream().filter(violation -> !violation.lasting()).toList();
            Set<String> holders = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            mayClear.forEach(violation -> {
                holders.add(violation.userId());
                ids.add(violation.orderId());
            });
            List<TrackedOrder> again = placed.stream()
                    .filter(order -> ids.contains(order.id()) || holders.contains(order.holderId)).toList();
            out.printf("  %d violations may clear; checking %d orders and %d accounts again%n", mayClear.size(),
                    again.size(), holders.size());
            topic.catchUp(TOPIC_TIMEOUT);
            facts.putAll(collector.orders(again, true, topic::tallyOf));
            balances.putAll(collector.accounts(holders.stream().filter(balances::containsKey).toList(), options.points()));
            check = checker.check(facts.values(), balances.values());
        }
        long[] lateness = placed.stream()
                .flatMapToLong(order -> LongStream.of(topic.tallyOf(order.id()).deadlineLateness())).toArray();
        long events = placed.stream().mapToLong(order -> topic.tallyOf(order.id()).total()).sum();
        long redeliveries = placed.stream().mapToLong(order -> topic.tallyOf(order.id()).redeliveries()).sum();
        return new Findings(List.copyOf(facts.values()), accounts.size(), check, notPlaced, lateness, events,
                redeliveries, steps(facts.values()));
    }

    /** Each step of the ordinary orders approved, event to event: where the time of a decision goes. */
    private static Map<String, long[]> steps(Collection<OrderFacts> facts) {
        List<OrderFacts> approved = facts.stream().filter(order -> order.kind() == OrderKind.ORDINARY
                && order.order() != null && Outcome.APPROVED.equals(order.order().status())).toList();
        Map<String, long[]> steps = new LinkedHashMap<>();
        steps.put("exchange OrderCreated -> ExchangeSucceed", between(approved, EventName.ORDER_CREATED, EventName.EXCHANGE_SUCCEED));
        steps.put("point    ExchangeSucceed -> PointUsed", between(approved, EventName.EXCHANGE_SUCCEED, EventName.POINT_USED));
        steps.put("order    PointUsed -> OrderPlaced", between(approved, EventName.POINT_USED, EventName.ORDER_PLACED));
        // the part of each step spent in the outboxes: an event's timestamp to its record's
        for (EventName name : List.of(EventName.ORDER_CREATED, EventName.EXCHANGE_SUCCEED, EventName.POINT_USED,
                EventName.ORDER_PLACED)) {
            steps.put(String.format("outbox   %-32s", name + " (created -> sent)"), approved.stream()
                    .map(order -> order.events().publishDelay(name)).filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong).toArray());
        }
        return steps;
    }

    private static long[] between(List<OrderFacts> orders, EventName from, EventName to) {
        return orders.stream().map(order -> order.events().between(from, to))
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).toArray();
    }
}
