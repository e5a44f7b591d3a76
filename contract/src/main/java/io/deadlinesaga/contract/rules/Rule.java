package io.deadlinesaga.contract.rules;

/**
 * The rules an order and an account must keep, each with the invariant of DESIGN §5 it belongs to. A lasting
 * rule, once broken, stays broken whatever comes later (a decision, an event already on the topic); any other
 * may clear once the events in flight have reached every service.
 */
public enum Rule {
    UNDECIDED_PAST_DEADLINE("I1", "the order is still undecided past its deadline and the grace time", false),
    DECIDED_LATE("I1", "the order was decided more than 1 s after its deadline", true),
    APPROVED_WITH_COMPENSATION("I2", "an approved order has a compensation", true),
    EXCHANGE_NOT_IN_EFFECT("I2", "an approved order's exchange is not in effect", false),
    APPROVED_WITHOUT_ITS_DEDUCTION("I2", "an approved order's points were not deducted as exchanged", false),
    MORE_THAN_ONE_DEDUCTION("I2", "points were deducted more than once for the order", true),
    MORE_THAN_ONE_REFUND("I3", "points were refunded more than once for the order", true),
    POINTS_NOT_RESTORED("I3", "the rejected order's deducted points were not all refunded", false),
    EXCHANGE_STILL_IN_EFFECT("I3", "the rejected order's exchange is still in effect after its compensation", false),
    REJECTION_NOT_COMPENSATED("I3", "the rejection's compensation chain has not completed in time", false),
    ACCOUNT_MISSING("I4", "the point account is missing", false),
    BALANCE_NEGATIVE("I4", "the balance is negative", false),
    BALANCE_WRONG("I4", "the balance is not its opening points less the points of its approved orders", false),
    APPROVED_AND_REJECTED("I5", "the order was both approved and rejected", true),
    DECIDED_TWICE("I5", "the order was decided more than once", true),
    DECISION_CHANGED("I5", "the order's status changed after its decision", true),
    ORDER_LOST("I6", "the order service does not know the order", false),
    EVENTS_MISSING("I6", "a step of the decided order is not on the topic", false),
    DEADLINE_NOT_SETTLED("I6", "the decided order's deadline was not registered or not cancelled", false),
    DEAD_LETTERED("I6", "an event of the order failed for good at a service and went to the dead-letter topic", true);

    private final String invariant;
    private final String meaning;
    private final boolean lasting;

    Rule(String invariant, String meaning, boolean lasting) {
        this.invariant = invariant;
        this.meaning = meaning;
        this.lasting = lasting;
    }

    /** I1 … I6. */
    public String invariant() {
        return invariant;
    }

    public String meaning() {
        return meaning;
    }

    /** Once broken, broken for good: not worth judging again. */
    public boolean lasting() {
        return lasting;
    }
}
