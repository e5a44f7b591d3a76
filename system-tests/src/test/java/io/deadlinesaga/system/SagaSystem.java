package io.deadlinesaga.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.deadline.DeadlineApplication;
import io.deadlinesaga.exchange.ExchangeApplication;
import io.deadlinesaga.gateway.GatewayApplication;
import io.deadlinesaga.order.OrderApplication;
import io.deadlinesaga.point.PointApplication;
import io.deadlinesaga.sagaview.SagaViewApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole product in one JVM, started once and shared by every test: one embedded Kafka broker, the four
 * services (each with its own in-memory database and consumer group) and the gateway, all on free ports.
 * Tests talk to it over HTTP through the gateway, as a user does, and read the topic as a user does. A
 * service can be stopped and started again on its port, with its database kept, as {@code ./saga stop} does.
 */
final class SagaSystem {

    static final String TOPIC = Wire.TOPIC;
    static final int PARTITIONS = 3;
    /** short, so that tests of the deadline are quick */
    static final Duration DEADLINE = Duration.ofSeconds(4);
    /** fault 500's stall: longer than the deadline */
    static final Duration POINT_STALL = Duration.ofSeconds(6);

    private static final Map<String, Supplier<SpringApplication>> APPLICATIONS = Map.of(
            "order", OrderApplication::application,
            "exchange", ExchangeApplication::application,
            "point", PointApplication::application,
            "deadline", DeadlineApplication::application,
            "saga-view", SagaViewApplication::application);
    private static SagaSystem instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final TestDatabases databases;
    private final Map<String, ConfigurableApplicationContext> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final ConfigurableApplicationContext gateway;
    private final TopicObserver topic;
    private boolean stopped;

    private SagaSystem() {
        // the apps start in parallel; Boot's per-app logging set-up would race, so logback-test.xml rules instead
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC, Wire.deadLetterTopic(TOPIC));
        broker.afterPropertiesSet();
        databases = TestDatabases.chosen(run);
        Map<String, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
        APPLICATIONS.keySet().forEach(name -> starting.put(name, CompletableFuture.supplyAsync(() -> launch(name, name, 0))));
        starting.forEach((name, context) -> register(name, context.join()));
        gateway = GatewayApplication.application().run("--server.port=0", "--spring.main.banner-mode=off",
                "--ORDER_URL=" + url("order"), "--EXCHANGE_URL=" + url("exchange"),
                "--POINT_URL=" + url("point"), "--DEADLINE_URL=" + url("deadline"),
                "--SAGA_VIEW_URL=" + url("saga-view"),
                "--spring.autoconfigure.exclude=" + SharedClasspath.GATEWAY_EXCLUDES);
        topic = new TopicObserver(broker.getBrokersAsString(), TOPIC);
        // a fallback: SagaSystemStopper stops it before the JVM exits, while the broker's folders still exist
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "saga-system-stop"));
    }

    static synchronized SagaSystem get() {
        if (instance == null) {
            instance = new SagaSystem();
        }
        return instance;
    }

    /**
     * Starts an app of the service {@code service} under the name {@code name} (a second instance shares the
     * first one's database and consumer group).
     */
    private ConfigurableApplicationContext launch(String service, String name, int port, String... overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", Integer.toString(port));
        settings.put("spring.main.web-application-type", "servlet");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.cloud.gateway.server.webflux.enabled", "false");
        settings.put("spring.autoconfigure.exclude", SharedClasspath.excludesOf(service));
        settings.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        settings.put("spring.datasource.url", databases.url(service));
        settings.put("spring.datasource.username", databases.username(service));
        settings.put("saga.messaging.partitions", Integer.toString(PARTITIONS));
        settings.put("saga.messaging.relay.poll-interval", "200ms");
        settings.put("saga.messaging.convoy.sweep-interval", "200ms");
        // an event that keeps failing is dead-lettered after a second, not after a minute
        settings.put("saga.messaging.convoy.max-attempts", "5");
        settings.put("saga.deadline.sweep-interval", "200ms");
        settings.put("saga.order.deadline", DEADLINE.toMillis() + "ms");
        settings.put("saga.faults.exchange-stall", "1s");
        settings.put("saga.faults.point-stall", POINT_STALL.toMillis() + "ms");
        for (String override : overrides) {
            String[] pair = override.replaceFirst("^--", "").split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return APPLICATIONS.get(service).get().run(args);
    }

    private void register(String name, ConfigurableApplicationContext context) {
        running.put(name, context);
        ports.put(name, ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Stops a service as a kill would stop a process between two events: its database stays. */
    void stop(String name) {
        ConfigurableApplicationContext context = running.remove(name);
        if (context != null) {
            context.close();
        }
    }

    /** Starts a stopped service again on its port, with its database as it was. */
    void start(String name, String... extra) {
        if (running.containsKey(name)) {
            return;
        }
        register(name, launch(name, name, ports.get(name), extra));
    }

    void restart(String name, String... extra) {
        stop(name);
        start(name, extra);
    }

    /** Starts another instance of a service beside the first: same database, same consumer group. */
    void startSecondInstance(String service, String name) {
        register(name, launch(service, name, 0));
    }

    /** A bean of a running service, to look inside it (its database, its housekeeping). */
    <T> T bean(String name, Class<T> type) {
        return running.get(name).getBean(type);
    }

    /** A service's database, whether the service runs or not (as a file would be there for a stopped process). */
    JdbcTemplate database(String service) {
        return databases.jdbc(service);
    }

    /** The JDBC URL a service is started with. */
    String databaseUrl(String service) {
        return databases.url(service);
    }

    /** How many database sessions wait for a lock another holds now. */
    String blockedSessionsQuery() {
        return databases.blockedSessionsQuery();
    }

    /** A running service's web server. */
    WebServer webServer(String name) {
        return ((WebServerApplicationContext) running.get(name)).getWebServer();
    }

    /** A running service's own URL, not through the gateway (for its actuator). */
    String serviceUrl(String name) {
        return url(name);
    }

    private String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    SagaClient client() {
        return new SagaClient(new Http("http://localhost:" + ((WebServerApplicationContext) gateway).getWebServer().getPort()));
    }

    TopicObserver topic() {
        return topic;
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Stops the system if a test started it: services first, then the broker. */
    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stopAll();
        }
    }

    private synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        topic.close();
        gateway.close();
        running.values().forEach(ConfigurableApplicationContext::close);
        broker.destroy();
        databases.close();
    }
}
