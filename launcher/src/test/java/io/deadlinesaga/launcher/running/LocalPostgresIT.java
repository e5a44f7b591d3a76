package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Setup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./saga up --db postgres}'s server, for real: the machine's PostgreSQL started in a data folder (as the
 * {@code postgres} user when the build runs as root), one database per service, stopped and started again.
 */
class LocalPostgresIT {

    /** under target/, which the server's user can reach (a temporary folder of root's could be closed to it) */
    private static final Path DATA = Path.of("target/postgres-it").toAbsolutePath();

    private Setup setup;
    private LocalPostgres postgres;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void aFreshDataFolder() throws IOException {
        deleteRecursively(DATA);
        Files.createDirectories(DATA);
        setup = Setup.of(Path.of("."), Path.of("."), Map.of("SAGA_DATA_DIR", DATA.toString(),
                "SAGA_POSTGRES_PORT", Integer.toString(freePort())), "java").withDatabase(Setup.Database.POSTGRES);
        postgres = new LocalPostgres(setup);
    }

    @AfterEach
    void stopTheServer() {
        postgres.stop(said::add);
    }

    @Test
    void startsAServerWithADatabaseForEachServiceThatKeepsWhatWasWrittenAcrossARestart() throws SQLException {
        // given
        postgres.start(said::add);
        try (Connection order = connect("order")) {
            order.createStatement().execute("CREATE TABLE kept (id INT)");
            order.createStatement().execute("INSERT INTO kept VALUES (7)");
        }

        // when
        postgres.stop(said::add);
        boolean stopped = postgres.running().isEmpty();
        postgres.start(said::add);

        // then
        assertThat(stopped).isTrue();
        assertThat(postgres.running()).isPresent();
        for (String service : List.of("order", "exchange", "point", "deadline")) {
            try (Connection connection = connect(service)) {
                assertThat(connection.isValid(2)).as(service).isTrue();
            }
        }
        try (Connection order = connect("order"); var rows = order.createStatement().executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
        assertThat(said).contains("  made database order").anyMatch(line -> line.startsWith("  PostgreSQL ready"));
        assertThat(setup.log(Part.POSTGRES)).exists();
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + setup.port(Part.POSTGRES) + "/" + database,
                Setup.POSTGRES_USER, "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
