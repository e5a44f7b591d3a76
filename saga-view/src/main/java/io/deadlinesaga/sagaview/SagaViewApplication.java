package io.deadlinesaga.sagaview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The saga view: every order's timeline, rebuilt from the topic, and a consistency verdict on it. */
@SpringBootApplication
@ConfigurationPropertiesScan
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
