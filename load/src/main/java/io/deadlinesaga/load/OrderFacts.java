package io.deadlinesaga.load;

import java.math.BigDecimal;
import java.util.List;

/**
 * One order as every service and the topic show it at the end of a load: what the invariant checker reads.
 *
 * @param holderId and {@code amount}: what the load asked for
 * @param order {@code GET /orders/{id}}, null if it answered 404
 * @param exchange {@code GET /exchanges/{id}}, null if it answered 404
 * @param ledger {@code GET /transactions?orderId={id}}
 * @param deadlineState the state of {@code GET /deadlines/{id}}, null if it answered 404
 * @param events its events on the topic
 * @param statusFlip how its status changed after a decision while the driver polled it, or null if it never did
 * @param unreadable what could not be read (a service that kept failing), so the facts above are incomplete
 */
record OrderFacts(long orderId, OrderKind kind, String holderId, BigDecimal amount, OrderState order, Exchange exchange,
        List<LedgerLine> ledger, String deadlineState, EventTally events, String statusFlip, List<String> unreadable) {

    static final String EXCHANGED = "EXCHANGED";
    static final String DEDUCTION = "DEDUCTION";
    static final String REFUND = "REFUND";

    /** An order's exchange: its state and the points the amount was worth. */
    record Exchange(String state, BigDecimal point) {
    }

    /** One line of the point ledger: a DEDUCTION or a REFUND. */
    record LedgerLine(String type, BigDecimal point) {
    }

    /** Whether the order service shows the order that was placed under this id (and not another one). */
    boolean isTheOrderPlaced() {
        return order == null || holderId.equals(order.holderId()) && order.amount() != null
                && amount.compareTo(order.amount()) == 0;
    }

    String describe() {
        return "order " + orderId + " (" + kind.label() + ")";
    }

    int count(String ledgerType) {
        return (int) ledger.stream().filter(line -> line.type().equals(ledgerType)).count();
    }

    BigDecimal sum(String ledgerType) {
        return ledger.stream().filter(line -> line.type().equals(ledgerType)).map(LedgerLine::point)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
