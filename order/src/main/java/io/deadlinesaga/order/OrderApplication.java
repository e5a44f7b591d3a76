package io.deadlinesaga.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The order service: takes orders and is the single arbiter of each order's outcome. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {

    /** Its configuration file is {@code order.yml}, so that all services can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(OrderApplication.class).properties("spring.config.name=order").build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
