package io.deadlinesaga.contract.rules;

/**
 * An event of the order that failed for good at a service and went to the dead-letter topic.
 *
 * @param eventType the failed event's type, as on the wire
 * @param error why it failed, as the service said
 */
public record DeadLetter(String eventType, String error) {
}
