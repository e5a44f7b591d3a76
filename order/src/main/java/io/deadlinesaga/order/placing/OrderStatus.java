package io.deadlinesaga.order.placing;

/** Where an order stands. APPROVED and REJECTED are final. */
public enum OrderStatus {
    PENDING, APPROVED, REJECTED
}
