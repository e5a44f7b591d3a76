package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.deadlinesaga.contract.rules.AccountRules;
import io.deadlinesaga.contract.rules.Finding;
import io.deadlinesaga.contract.rules.Rule;
import io.deadlinesaga.contract.rules.SagaRules;
import io.deadlinesaga.contract.rules.Timeouts;

/**
 * Checks the facts a load gathered by the contract's rules (DESIGN §5's invariants), judged at the end, and
 * that each order ended as its kind must. A chaos run tolerates late decisions and the other outcomes its kind
 * may have while parts are down, and counts them instead. Pure: no I/O.
 */
final class InvariantChecker {

    private static final SagaRules RULES = new SagaRules(Timeouts.DEFAULT);

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
            boolean readable = facts.unreadable().isEmpty();
            if (readable && !facts.isTheOrderPlaced()) {
                // the order shown is another one: its points are not this holder's
                violations.add(anotherOrderShown(facts));
                continue;
            }
            if (readable) {
                late += judge(facts, violations);
                if (facts.order() != null && facts.order().isDecided() && !checkOutcome(facts, violations)) {
                    otherOutcomes.merge(facts.kind().label() + " -> " + facts.order().outcome(), 1, Integer::sum);
                }
            }
            else {
                violations.add(Violation.of(facts, "read", "could not be checked: " + String.join("; ", facts.unreadable())));
            }
            if (facts.isApproved()) {
                approvedPoints.merge(facts.holderId(), facts.services().pointsTaken(), BigDecimal::add);
                approvedOrders.merge(facts.holderId(), 1, Integer::sum);
            }
        }
        for (AccountFacts account : accounts) {
            if (account.unreadable() != null) {
                violations.add(Violation.ofAccount(account.userId(), "read", "could not be checked: " + account.unreadable()));
                continue;
            }
            AccountRules.judge(new io.deadlinesaga.contract.rules.AccountFacts(account.userId(), account.opening(),
                    account.balance(), approvedPoints.getOrDefault(account.userId(), BigDecimal.ZERO),
                    approvedOrders.getOrDefault(account.userId(), 0)))
                    .forEach(finding -> violations.add(Violation.ofAccount(account.userId(), finding)));
        }
        return new CheckResult(List.copyOf(violations), late, otherOutcomes);
    }

    /** The contract's rules, at the end; returns 1 for a chaos run's late decision (counted, not a violation). */
    private int judge(OrderFacts facts, List<Violation> violations) {
        int late = 0;
        for (Finding finding : RULES.judge(facts.toSagaFacts(), SagaRules.AT_THE_END).findings()) {
            if (chaos && finding.rule() == Rule.DECIDED_LATE) {
                late++;
            }
            else {
                violations.add(Violation.of(facts, finding));
            }
        }
        return late;
    }

    /** I6, as only the load can tell: the id it was given now shows an order it did not place. */
    private static Violation anotherOrderShown(OrderFacts facts) {
        OrderState shown = facts.order();
        return Violation.lasting(facts, "I6", "GET /orders/" + facts.orderId() + " shows another order ("
                + shown.holderId() + ", amount " + shown.amount() + "): the one placed as " + facts.holderId()
                + ", amount " + facts.amount() + " under this id is lost");
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
}
