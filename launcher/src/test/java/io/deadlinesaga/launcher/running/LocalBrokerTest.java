package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBrokerTest {

    @TempDir
    Path data;

    private Setup setup() {
        return Setup.of(Path.of("."), Path.of("."), Map.of("SAGA_DATA_DIR", data.toString()), "java");
    }

    @Test
    void aSingleNodesEventsCannotBecomeAClustersNorTheOtherWayRound() throws IOException {
        // given: a single node's storage
        Files.createDirectories(data.resolve("kafka/data"));
        Files.writeString(data.resolve("kafka/data/meta.properties"), "cluster.id=abc\n");

        // when / then
        assertThatThrownBy(() -> LocalBroker.checkStorageFits(setup(), 3)).isInstanceOf(SagaException.class)
                .hasMessageContaining("holds the events of a local Kafka of one node, not of 3; keep --brokers 1");
        assertThatCode(() -> LocalBroker.checkStorageFits(setup(), 1)).doesNotThrowAnyException();
    }

    @Test
    void aClustersEventsStayAClusters() throws IOException {
        // given
        Files.createDirectories(data.resolve("kafka/kafka-1/data"));

        // when / then
        assertThatThrownBy(() -> LocalBroker.checkStorageFits(setup(), 1)).isInstanceOf(SagaException.class)
                .hasMessageContaining("of three nodes, not of 1; keep --brokers 3");
        assertThatCode(() -> LocalBroker.checkStorageFits(setup(), 3)).doesNotThrowAnyException();
    }
}
