package io.deadlinesaga.order.placing;

/** Why an order was rejected; the name travels in OrderRejected.reason. */
public enum RejectionReason {
    /** the holder has fewer points than the exchange needs */
    POINT_LIMIT,
    /** no decision before the deadline */
    DEADLINE,
    /** the exchange failed */
    EXCHANGE_ERROR,
    /** point refused for another reason than the balance */
    POINT_ERROR
}
