package io.deadlinesaga.system;

import java.time.Duration;

import io.deadlinesaga.messaging.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No silent death: a service that no longer reads the topic says so in its health. */
class HealthTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private final SagaSystem system = SagaSystem.get();

    @Test
    void turnsDownWhileAListenerContainerIsStoppedAndUpWhenItRunsAgain() {
        // given
        Http exchange = new Http(system.serviceUrl("exchange"));
        await().atMost(SOON).until(() -> exchange.get("/actuator/health").status() == 200);
        MessageListenerContainer inbox = system.bean("exchange", KafkaListenerEndpointRegistry.class)
                .getListenerContainer("exchange-inbox");

        try {
            // when
            inbox.stop();

            // then
            Http.Response health = exchange.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("status").asString()).isEqualTo("DOWN");
            assertThat(health.body().path("components").path("kafkaListeners").path("status").asString())
                    .isEqualTo("DOWN");
            assertThat(health.body().path("components").path("kafkaListeners").path("details")
                    .path("exchange-inbox").asString()).isEqualTo("stopped");
        }
        finally {
            inbox.start();
        }

        // then
        await().atMost(SOON).untilAsserted(() -> assertThat(exchange.get("/actuator/health").body()
                .path("status").asString()).isEqualTo("UP"));
    }

    @Test
    void turnsDownWhileTheOutboxRelayIsNotRunning() {
        // given
        Http point = new Http(system.serviceUrl("point"));
        await().atMost(SOON).until(() -> point.get("/actuator/health").status() == 200);
        OutboxRelay relay = system.bean("point", OutboxRelay.class);

        try {
            // when
            relay.stop();

            // then
            Http.Response health = point.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("components").path("outboxRelay").path("status").asString())
                    .isEqualTo("DOWN");
        }
        finally {
            relay.start();
        }

        // then
        await().atMost(SOON).untilAsserted(() -> assertThat(point.get("/actuator/health").body()
                .path("status").asString()).isEqualTo("UP"));
    }
}
