package io.deadlinesaga.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path HERE = Path.of("/home/someone");

    @Test
    void defaultsToTheRepositorysDataFolderAndTheDefaultPorts() {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of(), "java");

        // then
        assertThat(setup.dataDir()).isEqualTo(Path.of("/repo/data"));
        assertThat(setup.port(Part.GATEWAY)).isEqualTo(8088);
        assertThat(setup.localBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(setup.localController(Instance.only(Part.KAFKA))).isEqualTo("127.0.0.1:9093");
        assertThat(setup.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void takesARelativeDataFolderFromTheCurrentDirectory() {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", "copy2/../saga2"), "java");

        // then
        assertThat(setup.dataDir()).isEqualTo(Path.of("/home/someone/saga2"));
        assertThat(setup.pidFile(Instance.only(Part.ORDER))).isEqualTo(Path.of("/home/someone/saga2/run/order.pid"));
        assertThat(setup.log(Part.KAFKA)).isEqualTo(Path.of("/home/someone/saga2/logs/kafka.log"));
    }

    @Test
    void usesAnExternalKafkaWhenOneIsGiven() {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092"), "java");

        // then
        assertThat(setup.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(setup.serviceEnvironment(Instance.only(Part.ORDER))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:29092");
    }

    @Test
    void tellsEveryServiceEveryPortAndTheOthersUrls() {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("POINT_PORT", "18083"), "java");

        // then
        assertThat(setup.serviceEnvironment(Instance.only(Part.ORDER)))
                .containsEntry("POINT_PORT", "18083")
                .containsEntry("POINT_URL", "http://localhost:18083")
                .containsEntry("SAGA_VIEW_URL", "http://localhost:8085")
                .containsEntry("SAGA_DATA_DIR", "/repo/data");
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        assertThatThrownBy(() -> Setup.of(ROOT, HERE, Map.of("ORDER_PORT", "80a"), "java"))
                .isInstanceOf(SagaException.class).hasMessage("ORDER_PORT=80a is not a port number");
        assertThatThrownBy(() -> Setup.of(ROOT, HERE, Map.of("ORDER_PORT", "70000"), "java"))
                .isInstanceOf(SagaException.class).hasMessage("ORDER_PORT=70000 is not a port number");
    }

    @Test
    void refusesAPortGivenToTwoParts() {
        assertThatThrownBy(() -> Setup.of(ROOT, HERE, Map.of("GATEWAY_PORT", "8081"), "java"))
                .isInstanceOf(SagaException.class)
                .hasMessage("GATEWAY_PORT=8081: that port is already given to ORDER_PORT");
    }

    @Test
    void splitsJvmFlagsFromTheEnvironment() {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ", "SAGA_KAFKA_JAVA_OPTS", ""),
                "java");

        // then
        assertThat(setup.flags().services()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(setup.flags().kafka()).isEmpty();
    }

    @Test
    void startsTheServicesWithAClassDataArchiveUnlessToldOff() {
        // when / then
        assertThat(Setup.of(ROOT, HERE, Map.of(), "java").flags().classData()).isTrue();
        assertThat(Setup.of(ROOT, HERE, Map.of("SAGA_CLASS_DATA", "off"), "java").flags().classData()).isFalse();
        assertThatThrownBy(() -> Setup.of(ROOT, HERE, Map.of("SAGA_CLASS_DATA", "no"), "java"))
                .isInstanceOf(SagaException.class).hasMessage("SAGA_CLASS_DATA=no is neither on nor off");
    }

    @Test
    void onPostgresTellsEachServiceWithADatabaseItsOwnAndTheViewAndGatewayNone(@TempDir Path data) {
        // given
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString(), "SAGA_POSTGRES_PORT", "15432"), "java")
                .withDatabase(Setup.Database.POSTGRES);

        // when / then
        assertThat(setup.serviceEnvironment(Instance.only(Part.POINT)))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/point"
                        + "?options=-c%20lock_timeout=10s%20-c%20statement_timeout=60s")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "saga");
        assertThat(setup.serviceEnvironment(Instance.only(Part.SAGA_VIEW))).doesNotContainKey("SPRING_DATASOURCE_URL");
        assertThat(setup.serviceEnvironment(Instance.only(Part.GATEWAY))).doesNotContainKey("SPRING_DATASOURCE_URL");
        assertThat(setup.parts()).contains(Part.POSTGRES);
    }

    @Test
    void remembersTheDatabaseChosenForTheDataFolder(@TempDir Path data) {
        // given
        Map<String, String> environment = Map.of("SAGA_DATA_DIR", data.toString());
        Setup.of(ROOT, HERE, environment, "java").withDatabase(Setup.Database.POSTGRES);

        // when
        Setup later = Setup.of(ROOT, HERE, environment, "java");

        // then
        assertThat(later.database()).isEqualTo(Setup.Database.POSTGRES);
        assertThat(Setup.of(ROOT, HERE, Map.of(), "java").database()).as("another data folder").isEqualTo(Setup.Database.H2);
        assertThat(Setup.of(ROOT, HERE, Map.of(), "java").parts()).doesNotContain(Part.POSTGRES);
    }

    @Test
    void runsInstancesOfEachServiceAStepApartAndTellsTheGatewayEveryUrl(@TempDir Path data) {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString()), "java")
                .withLayout(Setup.Database.POSTGRES, 2, 1);

        // then
        Instance second = new Instance(Part.ORDER, 2, 2);
        assertThat(setup.instances(Part.ORDER)).extracting(Instance::name).containsExactly("order-1", "order-2");
        assertThat(setup.instances(Part.SAGA_VIEW)).extracting(Instance::name).containsExactly("saga-view");
        assertThat(setup.port(second)).isEqualTo(8091);
        assertThat(setup.pidFile(second)).isEqualTo(data.resolve("run/order-2.pid"));
        assertThat(setup.serviceEnvironment(second)).containsEntry("ORDER_PORT", "8091");
        assertThat(setup.serviceEnvironment(Instance.only(Part.GATEWAY)))
                .containsEntry("ORDER_URL", "http://localhost:8081,http://localhost:8091")
                .containsEntry("SAGA_VIEW_URL", "http://localhost:8085");
        assertThat(setup.named("order")).hasSize(2);
        assertThat(setup.named("deadline-2")).containsExactly(new Instance(Part.DEADLINE, 2, 2));
        assertThat(setup.named("deadline-3")).isEmpty();
    }

    @Test
    void runsAClusterOfThreeKafkaNodesAndGivesClientsEveryAddress(@TempDir Path data) {
        // when
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString()), "java")
                .withLayout(Setup.Database.H2, 1, 3);

        // then
        assertThat(setup.instances(Part.KAFKA)).extracting(Instance::name).containsExactly("kafka-1", "kafka-2", "kafka-3");
        assertThat(setup.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(setup.localController(new Instance(Part.KAFKA, 3, 3))).isEqualTo("127.0.0.1:9097");
        assertThat(setup.serviceEnvironment(Instance.only(Part.POINT)))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    }

    @Test
    void remembersTheLayoutChosenForTheDataFolder(@TempDir Path data) {
        // given
        Map<String, String> environment = Map.of("SAGA_DATA_DIR", data.toString());
        Setup.of(ROOT, HERE, environment, "java").withLayout(Setup.Database.POSTGRES, 3, 3);

        // when
        Setup later = Setup.of(ROOT, HERE, environment, "java");

        // then
        assertThat(later.instanceCount()).isEqualTo(3);
        assertThat(later.brokerCount()).isEqualTo(3);
        assertThat(later.instances()).hasSize(1 + 3 + 4 * 3 + 2);
    }

    @Test
    void refusesSeveralInstancesOnH2TooManyInstancesAndAClusterOfTwo(@TempDir Path data) {
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString()), "java");

        assertThatThrownBy(() -> setup.withLayout(Setup.Database.H2, 2, 1)).isInstanceOf(SagaException.class)
                .hasMessageStartingWith("--instances 2 needs --db postgres");
        assertThatThrownBy(() -> setup.withLayout(Setup.Database.POSTGRES, 7, 1)).isInstanceOf(SagaException.class)
                .hasMessageStartingWith("--instances must be from 1 to 6, not 7");
        assertThatThrownBy(() -> setup.withLayout(Setup.Database.H2, 1, 2)).isInstanceOf(SagaException.class)
                .hasMessageStartingWith("--brokers must be 1 or 3, not 2");
        assertThat(Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString()), "java").instanceCount())
                .as("nothing remembered").isEqualTo(1);
    }

    @Test
    void refusesInstancesThatWouldShareAPort(@TempDir Path data) {
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString(), "EXCHANGE_PORT", "8091"), "java");

        assertThatThrownBy(() -> setup.withLayout(Setup.Database.POSTGRES, 2, 1)).isInstanceOf(SagaException.class)
                .hasMessageStartingWith("exchange-1 and order-2 would both listen on port 8091");
    }

    @Test
    void anExternalKafkaIsOneBrokerWhateverTheDataFolderRemembers(@TempDir Path data) {
        // given
        Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString()), "java").withLayout(Setup.Database.H2, 1, 3);

        // when
        Setup external = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092"), "java");

        // then
        assertThat(external.instances(Part.KAFKA)).extracting(Instance::name).containsExactly("kafka");
    }

    @Test
    void refusesAnInstancePortAbove65535(@TempDir Path data) {
        Setup setup = Setup.of(ROOT, HERE, Map.of("SAGA_DATA_DIR", data.toString(), "ORDER_PORT", "65530"), "java");

        assertThatThrownBy(() -> setup.withLayout(Setup.Database.POSTGRES, 2, 1)).isInstanceOf(SagaException.class)
                .hasMessageStartingWith("order-2 would listen on port 65540, above 65535");
    }
}
