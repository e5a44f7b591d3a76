package io.deadlinesaga.exchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The exchange service: converts an order's amount into points, and undoes it when the order is rejected. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    /** Its configuration file is {@code exchange.yml}, so that all services can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(ExchangeApplication.class).properties("spring.config.name=exchange").build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
