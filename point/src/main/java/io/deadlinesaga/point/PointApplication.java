package io.deadlinesaga.point;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The point service: holders' point accounts, and the ledger of deductions and refunds per order. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PointApplication {

    /** Its configuration file is {@code point.yml}, so that all services can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(PointApplication.class).properties("spring.config.name=point").build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
