package io.deadlinesaga.sagaview.audit;

/** The rules the auditor checks, each with the invariant of DESIGN §5 it belongs to. */
public enum Rule {
    APPROVED_AND_REJECTED("I5", "the order was both approved and rejected"),
    DECIDED_TWICE("I5", "the order was decided more than once"),
    APPROVED_WITH_COMPENSATION("I2", "an approved order has a compensation"),
    MORE_THAN_ONE_DEDUCTION("I3", "points were deducted more than once for the order"),
    MORE_THAN_ONE_REFUND("I3", "points were refunded more than once for the order"),
    POINTS_NOT_RESTORED("I3", "the rejected order's deducted points were not all refunded"),
    REJECTION_NOT_COMPENSATED("I3", "the rejection's compensation chain has not completed in time"),
    UNDECIDED_PAST_DEADLINE("I1", "the order is still undecided past its deadline and the grace time"),
    DEAD_LETTERED("I6", "an event of the order failed for good at a service and went to the dead-letter topic");

    private final String invariant;
    private final String meaning;

    Rule(String invariant, String meaning) {
        this.invariant = invariant;
        this.meaning = meaning;
    }

    public String invariant() {
        return invariant;
    }

    public String meaning() {
        return meaning;
    }
}
