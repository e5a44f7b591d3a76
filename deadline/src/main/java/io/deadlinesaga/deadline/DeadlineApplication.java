package io.deadlinesaga.deadline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The deadline service: makes sure every order is decided by its deadline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeadlineApplication {

    /** Its configuration file is {@code deadline.yml}, so that all services can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(DeadlineApplication.class).properties("spring.config.name=deadline").build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
