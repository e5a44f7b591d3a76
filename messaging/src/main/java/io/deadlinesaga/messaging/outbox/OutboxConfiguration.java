package io.deadlinesaga.messaging.outbox;

import javax.sql.DataSource;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.persistence.Durability;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the sending side. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    OutboxRepository outboxRepository(DataSource dataSource) {
        return new OutboxRepository(JdbcClient.create(dataSource));
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRepository repository, KafkaTemplate<String, String> kafka,
            TransactionTemplate transactions, Durability durability, MessagingProperties properties) {
        return new OutboxRelay(repository, kafka, transactions, durability, properties);
    }

    @Bean
    Gauge outboxBacklog(OutboxRepository repository, MeterRegistry meters) {
        return Gauge.builder("saga.outbox.backlog", repository, OutboxRepository::countUnsent)
                .description("events committed but not yet published").register(meters);
    }

    @Bean
    HealthIndicator outboxRelayHealthIndicator(OutboxRelay relay, OutboxRepository repository, MessagingProperties properties) {
        return new RelayHealth(relay, repository, properties.relay().stallAfter());
    }

    @Bean
    Outbox outbox(DataSource dataSource, EventCodec codec, OutboxRelay relay, MessagingProperties properties) {
        return new JdbcOutbox(new JdbcTemplate(dataSource), codec, relay, properties.deadLetterTopic());
    }
}
