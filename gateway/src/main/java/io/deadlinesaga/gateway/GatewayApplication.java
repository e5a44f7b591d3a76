package io.deadlinesaga.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The gateway: the one door for users, on port 8088, routing each path to the service that owns it. */
@SpringBootApplication
public class GatewayApplication {

    /** Its configuration file is {@code gateway.yml}, so that all parts can share one classpath in tests. */
    public static SpringApplication application() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway").build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
