package io.deadlinesaga.messaging;

import java.time.Clock;

import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.PlainDecimals;
import io.deadlinesaga.messaging.faults.FaultInjection;
import io.deadlinesaga.messaging.inbox.InboxConfiguration;
import io.deadlinesaga.messaging.kafka.KafkaMessagingConfiguration;
import io.deadlinesaga.messaging.outbox.OutboxConfiguration;
import io.deadlinesaga.messaging.persistence.H2FileConfiguration;
import io.deadlinesaga.messaging.persistence.SharedMigration;
import io.deadlinesaga.messaging.web.ProblemDetailsAdvice;
import io.deadlinesaga.messaging.web.RequestThreadPriority;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a service gets by depending on this module: outbox and relay, inbox and convoy, topics and
 * dead letters, problem+json errors, request threads that yield to the saga. The package is an
 * auto-configuration package so that the outbox and inbox entities and repositories are found next to the
 * service's own. The request body limit is an auto-configuration of its own
 * ({@link io.deadlinesaga.messaging.web.RequestSizeAutoConfiguration}), which the saga view keeps.
 */
@AutoConfiguration
@AutoConfigurationPackage
@EnableConfigurationProperties({MessagingProperties.class, FaultInjection.class})
@Import({KafkaMessagingConfiguration.class, OutboxConfiguration.class, InboxConfiguration.class,
        ProblemDetailsAdvice.class, RequestThreadPriority.class, H2FileConfiguration.class})
public class MessagingAutoConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The same plain decimals in the services' HTTP answers as on the wire. */
    @Bean
    PlainDecimals plainDecimals() {
        return new PlainDecimals();
    }

    /** The time the saga's reactions read: the system's, and a test's own in unit tests. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Instances of one service may start together on one fresh database: each migrates it safely. */
    @Bean
    SharedMigration sharedMigration() {
        return new SharedMigration();
    }

    @Bean
    Housekeeping housekeeping(JdbcTemplate jdbc, TransactionTemplate transactions, MessagingProperties properties) {
        return new Housekeeping(jdbc, transactions, properties);
    }
}
