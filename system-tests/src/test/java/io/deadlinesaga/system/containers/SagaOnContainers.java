package io.deadlinesaga.system.containers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.deadlinesaga.deadline.DeadlineApplication;
import io.deadlinesaga.exchange.ExchangeApplication;
import io.deadlinesaga.gateway.GatewayApplication;
import io.deadlinesaga.order.OrderApplication;
import io.deadlinesaga.point.PointApplication;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.sagaview.SagaViewApplication;
import io.deadlinesaga.system.Http;
import io.deadlinesaga.system.SagaClient;
import io.deadlinesaga.system.SharedClasspath;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product in one JVM on infrastructure in containers: order, exchange, point and deadline each on its own
 * database of one PostgreSQL server, the saga view on its H2 file store in a folder of its own, all on one Kafka
 * broker, and the gateway in front, every one on a free port. Started as {@code SagaSystem} starts the shared
 * system, with the services' own settings otherwise (deadline, relay and sweep intervals as shipped).
 */
final class SagaOnContainers implements AutoCloseable {

    private static final Map<String, Supplier<SpringApplication>> SERVICES = Map.of(
            "order", OrderApplication::application,
            "exchange", ExchangeApplication::application,
            "point", PointApplication::application,
            "deadline", DeadlineApplication::application);

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final ConfigurableApplicationContext gateway;

    /**
     * Starts the services and the saga view in parallel, then the gateway; returns once all of them serve.
     *
     * @param kafka a started broker
     * @param postgres a started server with a database per service ({@code compose/postgres/databases.sql})
     * @param viewData where the saga view keeps its store ({@code SAGA_DATA_DIR})
     */
    SagaOnContainers(KafkaContainer kafka, PostgreSQLContainer postgres, Path viewData) {
        // the apps start in parallel; Boot's per-app logging set-up would race, so logback-test.xml rules instead
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Map<String, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
        SERVICES.forEach((service, application) -> starting.put(service, CompletableFuture.supplyAsync(() ->
                application.get().run(serviceArguments(kafka,
                        "--spring.autoconfigure.exclude=" + SharedClasspath.excludesOf(service),
                        "--spring.datasource.url=jdbc:postgresql://" + postgres.getHost() + ":"
                                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + service
                                + Setup.POSTGRES_URL_OPTIONS,
                        "--spring.datasource.username=" + postgres.getUsername(),
                        "--spring.datasource.password=" + postgres.getPassword())))));
        starting.put("saga-view", CompletableFuture.supplyAsync(() -> SagaViewApplication.application().run(
                serviceArguments(kafka, "--spring.autoconfigure.exclude=" + SharedClasspath.excludesOf("saga-view"),
                        "--SAGA_DATA_DIR=" + viewData))));
        starting.forEach((name, context) -> services.put(name, context.join()));
        gateway = GatewayApplication.application().run("--server.port=0", "--spring.main.banner-mode=off",
                "--ORDER_URL=" + url("order"), "--EXCHANGE_URL=" + url("exchange"),
                "--POINT_URL=" + url("point"), "--DEADLINE_URL=" + url("deadline"),
                "--SAGA_VIEW_URL=" + url("saga-view"),
                "--spring.autoconfigure.exclude=" + SharedClasspath.GATEWAY_EXCLUDES);
    }

    private static String[] serviceArguments(KafkaContainer kafka, String... own) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.web-application-type=servlet",
                "--spring.main.banner-mode=off",
                "--spring.cloud.gateway.server.webflux.enabled=false",
                "--spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers()));
        arguments.addAll(List.of(own));
        return arguments.toArray(String[]::new);
    }

    private String url(String service) {
        return url(services.get(service));
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A user's client of the gateway. */
    SagaClient client() {
        return new SagaClient(new Http(url(gateway)));
    }

    /** Stops the gateway first, so that no request reaches a stopped service, then the services. */
    @Override
    public void close() {
        gateway.close();
        services.values().forEach(ConfigurableApplicationContext::close);
    }
}
