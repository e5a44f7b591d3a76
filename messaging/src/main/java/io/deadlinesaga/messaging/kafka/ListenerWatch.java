package io.deadlinesaga.messaging.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.support.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Watches the Kafka listener containers. Health is DOWN while any of them is not running as it should (a
 * container stopped, or one of its consumers stopped by an error), since the service then reads nothing. A
 * container whose consumer an {@link Error} stopped is started again after a pause: it reads on from its
 * last committed offsets, and the inbox drops what it had already stored.
 */
public class ListenerWatch implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ListenerWatch.class);

    private final KafkaListenerEndpointRegistry registry;
    private final Duration restartAfter;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("listener-restart"));

    public ListenerWatch(KafkaListenerEndpointRegistry registry, Duration restartAfter) {
        this.registry = registry;
        this.restartAfter = restartAfter;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean up = true;
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            boolean fine = container.isRunning() && container.isInExpectedState();
            states.put(container.getListenerId(), fine ? "running" : container.isRunning() ? "a consumer stopped" : "stopped");
            up &= fine;
        }
        return (up ? Health.up() : Health.down()).withDetails(states).build();
    }

    @EventListener
    void onConsumerStopped(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.ERROR) {
            return;
        }
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        log.error("listener {} stopped by an error: started again in {}", container.getListenerId(), restartAfter);
        restarts.schedule(() -> restart(container), restartAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(MessageListenerContainer container) {
        try {
            container.stop();
            container.start();
            log.info("listener {} started again", container.getListenerId());
        }
        catch (RuntimeException | Error ex) {
            log.error("listener {} could not be started again; health stays DOWN", container.getListenerId(), ex);
        }
    }

    @Override
    public void destroy() {
        restarts.shutdownNow();
    }
}
