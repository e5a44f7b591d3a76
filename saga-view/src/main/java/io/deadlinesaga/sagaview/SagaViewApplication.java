package io.deadlinesaga.sagaview;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.kafka.KafkaMessagingConfiguration;
import io.deadlinesaga.messaging.persistence.H2FileConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The saga view: every order's timeline, read from the topic into its own store, and a consistency verdict on it. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(MessagingProperties.class)
// the topic's declaration too, so the view may be the first to start; its store is an H2 file written at every
// batch, compacted as the services' are
@Import({KafkaMessagingConfiguration.class, H2FileConfiguration.class})
public class SagaViewApplication {

    /** Its configuration file is {@code saga-view.yml}, so that all parts can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(SagaViewApplication.class).properties("spring.config.name=saga-view")
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
