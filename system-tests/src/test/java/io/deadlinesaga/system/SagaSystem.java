package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.deadlinesaga.deadline.DeadlineApplication;
import io.deadlinesaga.exchange.ExchangeApplication;
import io.deadlinesaga.gateway.GatewayApplication;
import io.deadlinesaga.order.OrderApplication;
import io.deadlinesaga.point.PointApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole product in one JVM, started once and shared by every test: one embedded Kafka broker, the four
 * services (each with its own in-memory database and consumer group) and the gateway, all on free ports.
 * Tests talk to it over HTTP through the gateway, as a user does, and read the topic as a user does.
 */
final class SagaSystem {

    static final String TOPIC = "choreography.deadline";
    static final int PARTITIONS = 3;
    /** short, so that tests of the deadline are quick */
    static final Duration DEADLINE = Duration.ofSeconds(4);

    private static SagaSystem instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final ConfigurableApplicationContext gateway;
    private final TopicObserver topic;

    private SagaSystem() {
        // the apps start in parallel; Boot's per-app logging set-up would race, so logback-test.xml rules instead
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC, TOPIC + ".DLT");
        broker.afterPropertiesSet();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
        starting.put("order", start(OrderApplication.application(), "order", run,
                "--saga.order.deadline=" + DEADLINE.toMillis() + "ms"));
        starting.put("exchange", start(ExchangeApplication.application(), "exchange", run));
        starting.put("point", start(PointApplication.application(), "point", run));
        starting.put("deadline", start(DeadlineApplication.application(), "deadline", run));
        starting.forEach((name, context) -> services.put(name, context.join()));
        gateway = GatewayApplication.application().run("--server.port=0", "--spring.main.banner-mode=off",
                "--ORDER_URL=" + url("order"), "--EXCHANGE_URL=" + url("exchange"),
                "--POINT_URL=" + url("point"), "--DEADLINE_URL=" + url("deadline"),
                "--spring.autoconfigure.exclude=" + String.join(",",
                        "io.deadlinesaga.messaging.MessagingAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"));
        topic = new TopicObserver(broker.getBrokersAsString(), TOPIC);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "saga-system-stop"));
    }

    static synchronized SagaSystem get() {
        if (instance == null) {
            instance = new SagaSystem();
        }
        return instance;
    }

    private CompletableFuture<ConfigurableApplicationContext> start(SpringApplication application, String name,
            String run, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.web-application-type=servlet",
                "--spring.main.banner-mode=off",
                "--spring.cloud.gateway.server.webflux.enabled=false",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=jdbc:h2:mem:" + name + "-" + run + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--saga.messaging.partitions=" + PARTITIONS,
                "--saga.messaging.relay.poll-interval=200ms",
                "--saga.messaging.convoy.sweep-interval=200ms"));
        args.addAll(List.of(extra));
        return CompletableFuture.supplyAsync(() -> application.run(args.toArray(String[]::new)));
    }

    private String url(String service) {
        return "http://localhost:" + port(services.get(service));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    SagaClient client() {
        return new SagaClient(new Http("http://localhost:" + port(gateway)));
    }

    TopicObserver topic() {
        return topic;
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    private void stop() {
        topic.close();
        gateway.close();
        services.values().forEach(ConfigurableApplicationContext::close);
        broker.destroy();
    }
}
