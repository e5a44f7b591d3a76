package io.deadlinesaga.load;

/** How an order ends: its final status and, for a rejection, the reason. */
record Outcome(String status, String reason) {

    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    static final Outcome APPROVAL = new Outcome(APPROVED, null);

    static Outcome rejection(String reason) {
        return new Outcome(REJECTED, reason);
    }

    boolean isRejectionBy(String deadlineOrOther) {
        return REJECTED.equals(status) && deadlineOrOther.equals(reason);
    }

    @Override
    public String toString() {
        return reason == null ? status : status + " (" + reason + ")";
    }
}
