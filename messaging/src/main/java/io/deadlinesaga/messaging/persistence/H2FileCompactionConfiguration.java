package io.deadlinesaga.messaging.persistence;

import io.deadlinesaga.messaging.MessagingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Compacts the application's H2 file as {@code saga.messaging.housekeeping.compact-*} say: every service's, and the saga view's. */
@Configuration(proxyBeanMethods = false)
public class H2FileCompactionConfiguration {

    @Bean
    H2FileCompaction h2FileCompaction(JdbcTemplate jdbc, MessagingProperties properties) {
        return new H2FileCompaction(jdbc, properties.housekeeping().compactInterval(),
                properties.housekeeping().compactTime());
    }
}
