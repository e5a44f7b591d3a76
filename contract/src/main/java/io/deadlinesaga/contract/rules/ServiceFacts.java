package io.deadlinesaga.contract.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the services answer about one order (DESIGN §6), asked all together.
 *
 * @param order what order holds ({@code GET /orders/{id}}); null when it answers that there is no such order
 * @param exchange what exchange holds ({@code GET /exchanges/{id}}); null when it has no exchange for the order
 * @param ledger the point ledger's lines for the order ({@code GET /transactions?orderId={id}})
 * @param deadlineState the state of the order's deadline ({@code GET /deadlines/{id}}: PENDING, FIRED or
 *        CANCELLED); {@link #NONE} when the deadline service has none for the order; null when it did not answer
 *        (the rule that reads it does not judge then)
 * @param decisionsSeen the decided statuses order showed, in the order first seen, when it was asked more than
 *        once over time (the last answer included); empty when it was asked once
 */
public record ServiceFacts(Order order, Exchange exchange, List<LedgerLine> ledger, String deadlineState,
        List<String> decisionsSeen) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    /** A rejected order's compensation once the chain has run. */
    public static final String COMPLETED = "COMPLETED";
    /** The state of an exchange in effect; any other (COMPENSATED, CLOSED) is not. */
    public static final String EXCHANGED = "EXCHANGED";
    public static final String DEDUCTION = "DEDUCTION";
    /** The deadline service has no deadline for the order. */
    public static final String NONE = "NONE";
    public static final String REFUND = "REFUND";

    public ServiceFacts {
        ledger = List.copyOf(ledger);
        decisionsSeen = List.copyOf(decisionsSeen);
    }

    /** Asked once: no decisions seen over time. */
    public ServiceFacts(Order order, Exchange exchange, List<LedgerLine> ledger, String deadlineState) {
        this(order, exchange, ledger, deadlineState, List.of());
    }

    /**
     * The order as order holds it.
     *
     * @param status PENDING, APPROVED or REJECTED
     * @param compensation for a rejected order PENDING until its compensation chain has run, then COMPLETED;
     *        null otherwise
     * @param deadline its stored deadline, epoch ms
     * @param decidedAt when it was decided, epoch ms; null while PENDING
     */
    public record Order(String status, String compensation, long deadline, Long decidedAt) {

        public boolean isApproved() {
            return APPROVED.equals(status);
        }

        public boolean isRejected() {
            return REJECTED.equals(status);
        }

        public boolean isDecided() {
            return isApproved() || isRejected();
        }

        /** Rejected, and its compensation chain has run. */
        public boolean isCompensated() {
            return isRejected() && COMPLETED.equals(compensation);
        }
    }

    /** The order's exchange: its state and the points its amount was worth. */
    public record Exchange(String state, BigDecimal point) {

        boolean inEffect() {
            return EXCHANGED.equals(state);
        }
    }

    /** One line of the point ledger: a DEDUCTION or a REFUND of points for the order. */
    public record LedgerLine(String type, BigDecimal point) {
    }

    /** The points an approved order took from its holder: its exchange's worth, or lacking one, what was deducted. */
    public BigDecimal pointsTaken() {
        return exchange != null ? exchange.point() : sum(DEDUCTION);
    }

    int count(String ledgerType) {
        return (int) ledger.stream().filter(line -> line.type().equals(ledgerType)).count();
    }

    BigDecimal sum(String ledgerType) {
        return ledger.stream().filter(line -> line.type().equals(ledgerType)).map(LedgerLine::point)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
