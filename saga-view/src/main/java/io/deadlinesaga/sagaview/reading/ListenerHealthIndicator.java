package io.deadlinesaga.sagaview.reading;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The view is healthy while its listener reads: a container stopped, or whose consumer an error stopped ("Stopping
 * container due to an Error"), reads nothing more, and the view would fall further behind while answering as if
 * all were well. The details say how many partitions it has been given and how far behind the topic it is;
 * catching up is healthy.
 */
@Component
class ListenerHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry listeners;
    private final CatchUp catchUp;

    ListenerHealthIndicator(KafkaListenerEndpointRegistry listeners, CatchUp catchUp) {
        this.listeners = listeners;
        this.catchUp = catchUp;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = listeners.getListenerContainer(TopicReader.LISTENER_ID);
        // a container can be running while its consumer is not: an Error stops the consumer and leaves the
        // container started, no longer in the state it should be
        boolean reading = container != null && container.isRunning() && container.isInExpectedState();
        Health.Builder health = reading ? Health.up() : Health.down().withDetail("reason", container == null
                || !container.isRunning() ? "the listener container is not running: the view reads no more events"
                : "the listener's consumer has stopped (after an error): the view reads no more events");
        Collection<TopicPartition> partitions = reading ? container.getAssignedPartitions() : null;
        health.withDetail("partitions", partitions == null ? 0 : partitions.size());
        catchUp.behind().ifPresentOrElse(behind -> health.withDetail("behind", behind),
                () -> health.withDetail("behind", "unknown: the broker does not answer"));
        return health.build();
    }
}
