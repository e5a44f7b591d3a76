package io.deadlinesaga.load;

/**
 * Told when a load's measured part begins and ends, so that a bench can sample what the system spends in
 * between: from the first order sent (the accounts already open) until every order is settled, before the
 * audit's reads, which would otherwise count as the orders' cost.
 */
public interface LoadPhases {

    /** Nothing to tell: a plain {@code ./saga load}. */
    LoadPhases NONE = new LoadPhases() {

        @Override
        public void sending() {
        }

        @Override
        public void settled() {
        }
    };

    /** The first order is about to be sent. */
    void sending();

    /** Every order is settled, or the wait for them has timed out; the audit has not begun. */
    void settled();
}
