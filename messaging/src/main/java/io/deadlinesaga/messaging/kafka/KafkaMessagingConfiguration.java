package io.deadlinesaga.messaging.kafka;

import java.time.Duration;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.event.UnreadableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topic, its dead-letter topic, and the one error policy of every listener: a record that cannot be
 * read goes to the dead-letter topic at once, on the partition it came from; anything else (database or
 * broker away) is retried with growing delay for as long as it takes, since dropping it would lose an event.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaMessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics sagaTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build(),
                TopicBuilder.name(properties.deadLetterTopic()).partitions(properties.partitions()).build());
    }

    @Bean
    ListenerWatch kafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerWatch(registry, Duration.ofSeconds(1));
    }

    /** {@code saga.messaging.dead.letters}: records sent to the dead-letter topic, by cause. */
    public static Counter deadLetterCounter(MeterRegistry meters, String cause) {
        return Counter.builder("saga.messaging.dead.letters")
                .description("records sent to the dead-letter topic, by cause")
                .tag("cause", cause)
                .register(meters);
    }

    @Bean
    CommonErrorHandler sagaErrorHandler(KafkaTemplate<String, String> template, MessagingProperties properties,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(properties.deadLetterTopic(), record.partition()));
        Counter unreadable = deadLetterCounter(meters, "unreadable");
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            unreadable.increment();
            deadLetters.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }
}
