package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks DESIGN §5's invariants over the facts a load gathered, and that each order ended as its kind must.
 * Pure: no I/O, so every rule can be tested with hand-made facts.
 */
final class InvariantChecker {

    /** I1: an order is decided within its deadline plus this. */
    static final long GRACE_MS = 1_000;

    private static final List<EventName> APPROVED_EVENTS = List.of(EventName.ORDER_CREATED, EventName.EXCHANGE_SUCCEED,
            EventName.POINT_USED, EventName.ORDER_PLACED);
    private static final List<EventName> REJECTED_EVENTS = List.of(EventName.ORDER_CREATED, EventName.ORDER_REJECTED,
            EventName.EXCHANGE_COMPENSATED, EventName.POINT_USE_COMPENSATED);
    private static final List<EventName> COMPENSATION_EVENTS = List.of(EventName.ORDER_REJECTED,
            EventName.EXCHANGE_COMPENSATED, EventName.POINT_USE_COMPENSATED);

    private final boolean chaos;

    /** @param chaos parts went down during the load: late decisions and rejections by the deadline are tolerated */
    InvariantChecker(boolean chaos) {
        this.chaos = chaos;
    }

    CheckResult check(Collection<OrderFacts> orders, Collection<AccountFacts> accounts) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> otherOutcomes = new TreeMap<>();
        Map<String, BigDecimal> approvedPoints = new HashMap<>();
        Map<String, Integer> approvedOrders = new HashMap<>();
        int late = 0;
        for (OrderFacts facts : orders) {
            OrderState order = facts.order();
            if (!facts.unreadable().isEmpty()) {
                violations.add(Violation.of(facts, "read", "could not be checked: " + String.join("; ", facts.unreadable())));
                if (order != null && Outcome.APPROVED.equals(order.status())) {
                    approvedPoints.merge(facts.holderId(), pointsOf(facts), BigDecimal::add);
                    approvedOrders.merge(facts.holderId(), 1, Integer::sum);
                }
                continue;
            }
            if (order == null) {
                violations.add(Violation.of(facts, "I6", "GET /orders/" + facts.orderId() + " answers 404: the order is lost"));
                continue;
            }
            if (!facts.isTheOrderPlaced()) {
                violations.add(Violation.lasting(facts, "I6", "GET /orders/" + facts.orderId() + " shows another order ("
                        + order.holderId() + ", amount " + order.amount() + "): the one placed as " + facts.holderId()
                        + ", amount " + facts.amount() + " under this id is lost"));
                continue;
            }
            checkNoFlip(facts, violations);
            if (!order.isDecided()) {
                violations.add(Violation.of(facts, "I1", "still " + order.status() + " at the end, "
                        + "its deadline was " + order.deadline() + " (epoch ms)"));
                continue;
            }
            if (!checkOutcome(facts, violations)) {
                otherOutcomes.merge(facts.kind().label() + " -> " + order.outcome(), 1, Integer::sum);
            }
            if (!checkDecidedInTime(facts, violations)) {
                late++;
            }
            if (Outcome.APPROVED.equals(order.status())) {
                checkApproved(facts, violations);
                approvedPoints.merge(facts.holderId(), pointsOf(facts), BigDecimal::add);
                approvedOrders.merge(facts.holderId(), 1, Integer::sum);
            }
            else {
                checkRejected(facts, violations);
            }
            checkOneDecisionOnTheTopic(facts, violations);
            checkNothingLost(facts, violations);
        }
        for (AccountFacts account : accounts) {
            checkBalance(account, approvedPoints.getOrDefault(account.userId(), BigDecimal.ZERO),
                    approvedOrders.getOrDefault(account.userId(), 0), violations);
        }
        return new CheckResult(List.copyOf(violations), late, otherOutcomes);
    }

    /** The expected outcome; false (and no violation) for another outcome a chaos run allows. */
    private boolean checkOutcome(OrderFacts facts, List<Violation> violations) {
        Outcome expected = facts.kind().expected();
        Outcome actual = facts.order().outcome();
        if (actual.equals(expected)) {
            return true;
        }
        if (chaos && facts.kind().mayEndAsWhilePartsAreDown(actual)) {
            return false;
        }
        String detail = facts.order().detail() == null ? "" : ": " + facts.order().detail();
        violations.add(Violation.lasting(facts, "outcome", "expected " + expected + ", got " + actual + detail));
        return true;
    }

    /** I1; false (and no violation) for a chaos run's late decision. */
    private boolean checkDecidedInTime(OrderFacts facts, List<Violation> violations) {
        OrderState order = facts.order();
        long pastDeadline = order.decidedAt() - order.deadline();
        if (pastDeadline <= GRACE_MS) {
            return true;
        }
        if (!chaos) {
            violations.add(Violation.lasting(facts, "I1", "decided " + pastDeadline + " ms after its deadline (at most "
                    + GRACE_MS + " ms), " + (order.decidedAt() - order.createdAt()) + " ms after its creation"));
        }
        return false;
    }

    /** I2: one exchange in effect, one deduction of its points, no refund, no compensation. */
    private static void checkApproved(OrderFacts facts, List<Violation> violations) {
        OrderFacts.Exchange exchange = facts.exchange();
        if (exchange == null) {
            violations.add(Violation.of(facts, "I2", "approved, but exchange has no exchange for it"));
        }
        else if (!OrderFacts.EXCHANGED.equals(exchange.state())) {
            violations.add(Violation.of(facts, "I2", "approved, but its exchange is " + exchange.state()));
        }
        int deductions = facts.count(OrderFacts.DEDUCTION);
        if (deductions != 1) {
            violations.add(Violation.of(facts, "I2", "approved with " + deductions + " deductions (exactly 1)"));
        }
        else if (exchange != null && facts.sum(OrderFacts.DEDUCTION).compareTo(exchange.point()) != 0) {
            violations.add(Violation.of(facts, "I2", "deducted " + plain(facts.sum(OrderFacts.DEDUCTION))
                    + " points, but the exchange was worth " + plain(exchange.point())));
        }
        int refunds = facts.count(OrderFacts.REFUND);
        if (refunds > 0) {
            violations.add(Violation.of(facts, "I2", "approved, but refunded " + refunds + " time(s)"));
        }
        List<String> compensations = COMPENSATION_EVENTS.stream().filter(name -> facts.events().count(name) > 0)
                .map(EventName::wireName).toList();
        if (!compensations.isEmpty()) {
            violations.add(Violation.of(facts, "I2", "approved, but on the topic: " + String.join(", ", compensations)));
        }
    }

    /** I3: nothing in effect once the compensation chain has run; at most one refund. */
    private static void checkRejected(OrderFacts facts, List<Violation> violations) {
        if (!OrderState.COMPLETED.equals(facts.order().compensation())) {
            violations.add(Violation.of(facts, "I3", "rejected, but its compensation is " + facts.order().compensation()));
        }
        OrderFacts.Exchange exchange = facts.exchange();
        if (exchange != null && OrderFacts.EXCHANGED.equals(exchange.state())) {
            violations.add(Violation.of(facts, "I3", "rejected, but its exchange is still EXCHANGED"));
        }
        BigDecimal deducted = facts.sum(OrderFacts.DEDUCTION);
        BigDecimal refunded = facts.sum(OrderFacts.REFUND);
        if (deducted.compareTo(refunded) != 0) {
            violations.add(Violation.of(facts, "I3", "rejected, but deducted " + plain(deducted) + " and refunded "
                    + plain(refunded) + " points"));
        }
        int refunds = facts.count(OrderFacts.REFUND);
        if (refunds > 1) {
            violations.add(Violation.of(facts, "I3", "refunded " + refunds + " times (at most once)"));
        }
    }

    /** I5, as polled: a decision never changed. */
    private static void checkNoFlip(OrderFacts facts, List<Violation> violations) {
        if (facts.statusFlip() != null) {
            violations.add(Violation.lasting(facts, "I5", "its status changed after the decision: " + facts.statusFlip()));
        }
    }

    /** I5, on the topic: one decision event, never both. */
    private static void checkOneDecisionOnTheTopic(OrderFacts facts, List<Violation> violations) {
        int placed = facts.events().count(EventName.ORDER_PLACED);
        int rejected = facts.events().count(EventName.ORDER_REJECTED);
        if (placed > 0 && rejected > 0) {
            violations.add(Violation.lasting(facts, "I5", "both OrderPlaced and OrderRejected are on the topic"));
        }
        if (placed > 1 || rejected > 1) {
            violations.add(Violation.lasting(facts, "I5", "a decision is on the topic twice (OrderPlaced " + placed
                    + ", OrderRejected " + rejected + ")"));
        }
    }

    /** I6: each step's event reached the topic, and the deadline service processed the decision. */
    private static void checkNothingLost(OrderFacts facts, List<Violation> violations) {
        List<EventName> expected = Outcome.APPROVED.equals(facts.order().status()) ? APPROVED_EVENTS : REJECTED_EVENTS;
        List<String> missing = expected.stream().filter(name -> facts.events().count(name) == 0)
                .map(EventName::wireName).toList();
        if (!missing.isEmpty()) {
            violations.add(Violation.of(facts, "I6", facts.order().status().toLowerCase() + ", but not on the topic: "
                    + String.join(", ", missing)));
        }
        if (facts.deadlineState() == null) {
            violations.add(Violation.of(facts, "I6", "deadline has no deadline for it (OrderCreated not processed)"));
        }
        else if (OrderState.PENDING.equals(facts.deadlineState())) {
            violations.add(Violation.of(facts, "I6", "decided, but its deadline is still PENDING"));
        }
    }

    /** I4: never negative; opening points minus the points of the holder's approved orders. */
    private static void checkBalance(AccountFacts account, BigDecimal approvedPoints, int approvedOrders,
            List<Violation> violations) {
        if (account.unreadable() != null) {
            violations.add(Violation.ofAccount(account.userId(), "read", "could not be checked: " + account.unreadable()));
            return;
        }
        if (account.balance() == null) {
            violations.add(Violation.ofAccount(account.userId(), "GET /points/" + account.userId() + " answers 404"));
            return;
        }
        if (account.balance().signum() < 0) {
            violations.add(Violation.ofAccount(account.userId(), "the balance is negative: " + plain(account.balance())));
        }
        BigDecimal expected = account.opening().subtract(approvedPoints);
        if (account.balance().compareTo(expected) != 0) {
            violations.add(Violation.ofAccount(account.userId(), "the balance is " + plain(account.balance())
                    + ", expected " + plain(expected) + " = " + plain(account.opening()) + " opening points - "
                    + plain(approvedPoints) + " points of " + approvedOrders + " approved orders"));
        }
    }

    /** The points an approved order took: its exchange's worth (or, lacking an exchange, what was deducted). */
    private static BigDecimal pointsOf(OrderFacts facts) {
        return facts.exchange() != null ? facts.exchange().point() : facts.sum(OrderFacts.DEDUCTION);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
