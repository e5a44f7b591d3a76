package io.deadlinesaga.messaging.outbox;

/** What the relay needs of an outbox row to publish it. */
record OutboxRow(String eventId, long orderId, String eventType, String payload) {

    static OutboxRow of(OutboxMessage message) {
        return new OutboxRow(message.eventId(), message.orderId(), message.eventType(), message.payload());
    }
}
