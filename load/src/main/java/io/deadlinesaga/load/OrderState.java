package io.deadlinesaga.load;

import java.math.BigDecimal;

import io.deadlinesaga.contract.rules.ServiceFacts;

import tools.jackson.databind.JsonNode;

/**
 * An order as {@code GET /orders/{id}} shows it.
 *
 * @param compensation for a rejected order PENDING until the compensation chain has run, then COMPLETED; else null
 * @param decidedAt null while PENDING
 */
record OrderState(long id, String holderId, BigDecimal amount, String status, String reason, String detail,
        String compensation, long createdAt, Long decidedAt, long deadline) {

    static OrderState of(JsonNode order) {
        return new OrderState(order.path("id").asLong(), text(order, "holderId"),
                order.path("amount").isNumber() ? order.path("amount").decimalValue() : null, text(order, "status"),
                text(order, "reason"),
                text(order, "detail"), text(order, "compensation"), order.path("createdAt").asLong(),
                order.path("decidedAt").isNumber() ? order.path("decidedAt").asLong() : null,
                order.path("deadline").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    /** The order as the contract's rules read it. */
    ServiceFacts.Order toFacts() {
        return new ServiceFacts.Order(status, compensation, deadline, decidedAt);
    }

    boolean isDecided() {
        return toFacts().isDecided();
    }

    /** Decided, and if rejected, compensated: nothing more will happen to it. */
    boolean isSettled() {
        ServiceFacts.Order order = toFacts();
        return order.isApproved() || order.isCompensated();
    }

    Outcome outcome() {
        return new Outcome(status, reason);
    }
}
