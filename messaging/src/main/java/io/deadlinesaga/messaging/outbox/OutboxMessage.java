package io.deadlinesaga.messaging.outbox;

/**
 * An unsent row of the outbox that a relay claimed: its place in the table (the order rows were appended in) and
 * what it publishes.
 */
record OutboxMessage(long id, OutboxRow row) {

    long orderId() {
        return row.orderId();
    }
}
