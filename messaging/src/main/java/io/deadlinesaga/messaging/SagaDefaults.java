package io.deadlinesaga.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code saga-defaults.yml}, the settings every service shares (Kafka, database file, errors,
 * actuator, fault injection), with the lowest precedence: a service's own file, the environment and the command line win.
 */
public class SagaDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "saga-defaults.yml";
    /** what the {@code prod} profile changes: no fault injection */
    private static final String PROD_DEFAULTS = "saga-defaults-prod.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("prod")) {
            load(PROD_DEFAULTS).forEach(environment.getPropertySources()::addLast);
        }
        load(DEFAULTS).forEach(environment.getPropertySources()::addLast);
    }

    private static List<PropertySource<?>> load(String resource) {
        try {
            return new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
