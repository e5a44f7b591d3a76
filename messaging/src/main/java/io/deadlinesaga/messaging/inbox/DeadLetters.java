package io.deadlinesaga.messaging.inbox;

import io.deadlinesaga.messaging.kafka.KafkaMessagingConfiguration;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Events whose handler failed every attempt: published to the dead-letter topic through the outbox, in the
 * transaction that marks them failed, so that none can fail quietly; and counted, after that commit, as
 * {@code saga.messaging.dead.letters} with {@code cause=failed} (records nobody can read are the listeners'
 * error handler's, {@code cause=unreadable}).
 */
class DeadLetters {

    private final Outbox outbox;
    private final String topic;
    private final Counter failed;

    DeadLetters(Outbox outbox, MeterRegistry meters, String topic) {
        this.outbox = outbox;
        this.topic = topic;
        this.failed = KafkaMessagingConfiguration.deadLetterCounter(meters, "failed");
    }

    String topic() {
        return topic;
    }

    /** An event that kept failing: to the dead-letter topic as it was received, with its error. */
    void failed(long orderId, String eventType, String payload, String error) {
        outbox.deadLetter(orderId, eventType, payload, error);
        AfterCommit.run(failed::increment);
    }
}
