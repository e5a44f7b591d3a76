package io.deadlinesaga.messaging.persistence;

import javax.sql.DataSource;

import io.deadlinesaga.messaging.MessagingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's H2 file, every service's and the saga view's: compacted as
 * {@code saga.messaging.housekeeping.compact-*} say, and its commits written in groups when it commits in memory
 * ({@link H2GroupCommit}). On any other database both do nothing.
 */
@Configuration(proxyBeanMethods = false)
public class H2FileConfiguration {

    @Bean
    H2FileCompaction h2FileCompaction(JdbcTemplate jdbc, MessagingProperties properties) {
        return new H2FileCompaction(jdbc, properties.housekeeping().compactInterval(),
                properties.housekeeping().compactTime());
    }

    /** Also a transaction execution listener, which Spring Boot adds to the transaction manager. */
    @Bean
    Durability durability(DataSource dataSource) {
        return H2GroupCommit.of(dataSource);
    }
}
