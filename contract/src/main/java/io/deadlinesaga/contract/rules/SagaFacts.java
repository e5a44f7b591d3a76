package io.deadlinesaga.contract.rules;

import java.util.List;
import java.util.Optional;

/**
 * What is known of one order: what the topic holds for it and, when its user asked them, what the services answer.
 *
 * @param orderId the order
 * @param events its events on the topic, in topic order
 * @param deadLetters its events that went to the dead-letter topic; empty when none did or nobody read it
 * @param services what the services answer, if asked
 */
public record SagaFacts(long orderId, List<TopicEvent> events, List<DeadLetter> deadLetters,
        Optional<ServiceFacts> services) {

    public SagaFacts {
        events = List.copyOf(events);
        deadLetters = List.copyOf(deadLetters);
    }

    /** The topic's facts alone. */
    public static SagaFacts ofTopic(long orderId, List<TopicEvent> events, List<DeadLetter> deadLetters) {
        return new SagaFacts(orderId, events, deadLetters, Optional.empty());
    }

    public SagaFacts withServices(ServiceFacts services) {
        return new SagaFacts(orderId, events, deadLetters, Optional.of(services));
    }
}
