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
import io.deadlinesaga.sagaview.SagaViewApplication;
import io.deadlinesaga.system.Http;
import io.deadlinesaga.system.SagaClient;
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
    /** lock and statement timeouts, as {@code ./saga up --db postgres} and docker-compose.yml set them */
    private static final String DATABASE_OPTIONS = "?options=-c%20lock_timeout=10s%20-c%20statement_timeout=60s";
    // the three lists below are SagaSystem's, for the same reasons: these apps share one classpath
    /** a service that set up Reactor Netty's global resources would dispose of the gateway's event loops */
    private static final String SERVICE_EXCLUDES =
            "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration";
    /** what saga-view.yml excludes, repeated because a command-line exclude replaces the file's list */
    private static final String VIEW_EXCLUDES = String.join(",", SERVICE_EXCLUDES,
            "io.deadlinesaga.messaging.MessagingAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");
    /** what the gateway must not start from this shared classpath: the services' plumbing, a database, Kafka */
    private static final String GATEWAY_EXCLUDES = String.join(",", VIEW_EXCLUDES,
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

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
                        "--spring.autoconfigure.exclude=" + SERVICE_EXCLUDES,
                        "--spring.datasource.url=jdbc:postgresql://" + postgres.getHost() + ":"
                                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + service
                                + DATABASE_OPTIONS,
                        "--spring.datasource.username=" + postgres.getUsername(),
                        "--spring.datasource.password=" + postgres.getPassword())))));
        starting.put("saga-view", CompletableFuture.supplyAsync(() -> SagaViewApplication.application().run(
                serviceArguments(kafka, "--spring.autoconfigure.exclude=" + VIEW_EXCLUDES,
                        "--SAGA_DATA_DIR=" + viewData))));
        starting.forEach((name, context) -> services.put(name, context.join()));
        gateway = GatewayApplication.application().run("--server.port=0", "--spring.main.banner-mode=off",
                "--ORDER_URL=" + url("order"), "--EXCHANGE_URL=" + url("exchange"),
                "--POINT_URL=" + url("point"), "--DEADLINE_URL=" + url("deadline"),
                "--SAGA_VIEW_URL=" + url("saga-view"),
                "--spring.autoconfigure.exclude=" + GATEWAY_EXCLUDES);
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
