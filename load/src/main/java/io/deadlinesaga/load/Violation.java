package io.deadlinesaga.load;

import io.deadlinesaga.contract.rules.Finding;

/**
 * A broken rule: an invariant (I1–I6), the outcome an order's kind must have, or facts that could not be read.
 *
 * @param orderId the order it is about, or -1 for an account
 * @param userId the account it is about, or the order's holder
 * @param rule the invariant (I1 … I6), or {@code outcome}, {@code read}, {@code placed}
 * @param lasting about something that cannot change any more (a decision, a past event), so not worth
 *        checking again; otherwise it may clear once events in flight have arrived everywhere
 */
record Violation(String subject, long orderId, String userId, String rule, String message, boolean lasting) {

    static Violation of(OrderFacts order, Finding finding) {
        return new Violation(order.describe(), order.orderId(), order.holderId(), finding.invariant(), finding.detail(),
                finding.rule().lasting());
    }

    static Violation of(OrderFacts order, String rule, String message) {
        return new Violation(order.describe(), order.orderId(), order.holderId(), rule, message, false);
    }

    static Violation lasting(OrderFacts order, String rule, String message) {
        return new Violation(order.describe(), order.orderId(), order.holderId(), rule, message, true);
    }

    static Violation ofAccount(String userId, Finding finding) {
        return ofAccount(userId, finding.invariant(), finding.detail());
    }

    static Violation ofAccount(String userId, String rule, String message) {
        return new Violation("account " + userId, -1, userId, rule, message, false);
    }

    static Violation notPlaced(int index, OrderKind kind, String why) {
        return new Violation("order #" + (index + 1) + " (" + kind.label() + ")", -1, null, "placed",
                "POST /orders did not succeed: " + why, true);
    }

    @Override
    public String toString() {
        return subject + ": " + rule + " " + message;
    }
}
