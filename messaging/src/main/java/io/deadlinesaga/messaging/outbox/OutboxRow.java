package io.deadlinesaga.messaging.outbox;

/**
 * What the relay needs of an outbox row to publish it.
 *
 * @param destination the topic, when not the saga's own (null): the dead-letter topic
 * @param error why a dead letter is one (null otherwise)
 */
record OutboxRow(String eventId, long orderId, String eventType, String payload, String destination, String error) {
}
