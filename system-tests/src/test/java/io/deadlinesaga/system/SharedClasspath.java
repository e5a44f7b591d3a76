package io.deadlinesaga.system;

/**
 * What each application must not start when the suite runs them all from one classpath (in one JVM, as
 * {@link SagaSystem} does, and the Testcontainers tier too).
 */
public final class SharedClasspath {

    /**
     * The gateway's Reactor Netty classes are on the shared classpath: a service that set up Reactor Netty's global
     * resources would dispose of the gateway's event loops when it stops.
     */
    private static final String REACTIVE_HTTP_CLIENT =
            "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration";
    /** what saga-view.yml excludes, repeated because a command-line exclude replaces the file's list */
    private static final String VIEW = "io.deadlinesaga.messaging.MessagingAutoConfiguration";

    /** What the gateway must not start: the services' plumbing, a database, Kafka. */
    public static final String GATEWAY_EXCLUDES = String.join(",", VIEW,
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

    private SharedClasspath() {
    }

    /** What a service (or the saga view) must not start, for {@code spring.autoconfigure.exclude}. */
    public static String excludesOf(String service) {
        return REACTIVE_HTTP_CLIENT + ("saga-view".equals(service) ? "," + VIEW : "");
    }
}
