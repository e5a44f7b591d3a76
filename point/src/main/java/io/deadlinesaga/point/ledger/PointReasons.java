package io.deadlinesaga.point.ledger;

/** The reasons point gives in PointUseFailed. */
final class PointReasons {

    /** the balance is lower than the points the exchange needs */
    static final String INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS";
    /** the order is already rejected: nothing is deducted for it any more */
    static final String ORDER_CLOSED = "ORDER_CLOSED";

    private PointReasons() {
    }
}
