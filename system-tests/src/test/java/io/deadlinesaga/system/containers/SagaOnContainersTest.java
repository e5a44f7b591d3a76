package io.deadlinesaga.system.containers;

import java.nio.file.Path;
import java.time.Duration;

import io.deadlinesaga.system.SagaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original walkthrough on the images docker-compose.yml runs: one Apache Kafka 4.2.1 broker and PostgreSQL 15 in
 * containers, one database per service made by the compose file's own script. Skipped where there is no Docker;
 * tagged so that the build's second run of the suite (on PostgreSQL, see system-tests/pom.xml) leaves it out.
 */
@Tag("containers")
@Testcontainers(disabledWithoutDocker = true)
class SagaOnContainersTest {

    private static final Duration SETTLES = Duration.ofSeconds(30);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15")
            .withUsername("saga")
            .withPassword("saga")
            // run by the image when its data folder is new, as in docker-compose.yml (tests run in system-tests/)
            .withCopyFileToContainer(MountableFile.forHostPath(Path.of("../compose/postgres/databases.sql")),
                    "/docker-entrypoint-initdb.d/databases.sql");

    @TempDir
    static Path viewData;

    private static SagaOnContainers system;
    private static SagaClient saga;

    @BeforeAll
    static void startTheProduct() {
        system = new SagaOnContainers(KAFKA, POSTGRES, viewData);
        saga = system.client();
    }

    @AfterAll
    static void stopTheProduct() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void approvesAnOrderTheBalanceCoversAndDeductsItsPoints() {
        // given
        String holder = SagaClient.newHolder("jjy");
        assertThat(saga.openAccount(holder, "10000").status()).isEqualTo(201);

        // when
        long orderId = saga.placeOrderId(holder, "1", "500");

        // then
        assertThat(saga.awaitSettled(orderId, SETTLES).get("status").asString()).isEqualTo("APPROVED");
        assertThat(saga.balance(holder)).isEqualByComparingTo("9500");
    }

    @Test
    void rejectsAnOrderOverTheBalanceForThePointLimitAndLeavesTheBalanceAsItWas() {
        // given
        String holder = SagaClient.newHolder("jjy");
        assertThat(saga.openAccount(holder, "10000").status()).isEqualTo(201);

        // when
        long orderId = saga.placeOrderId(holder, "1", "50000");

        // then
        JsonNode order = saga.awaitSettled(orderId, SETTLES);
        assertThat(order.get("status").asString()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asString()).isEqualTo("POINT_LIMIT");
        assertThat(saga.balance(holder)).isEqualByComparingTo("10000");
    }
}
