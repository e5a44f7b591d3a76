package io.deadlinesaga.sagaview;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.kafka.KafkaMessagingConfiguration;
import io.deadlinesaga.messaging.persistence.H2FileCompaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The saga view: every order's timeline, read from the topic into its own store, and a consistency verdict on it. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(MessagingProperties.class)
@Import(KafkaMessagingConfiguration.class) // declares the topic too, so the view may be the first to start
public class SagaViewApplication {

    /** Its store is an H2 file written at every batch: compacted as the services' are. */
    @Bean
    H2FileCompaction h2FileCompaction(JdbcTemplate jdbc, MessagingProperties properties) {
        return new H2FileCompaction(jdbc, properties.housekeeping().compactInterval(),
                properties.housekeeping().compactTime());
    }

    /** Its configuration file is {@code saga-view.yml}, so that all parts can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(SagaViewApplication.class).properties("spring.config.name=saga-view")
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
