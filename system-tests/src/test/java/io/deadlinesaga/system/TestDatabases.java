package io.deadlinesaga.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.Setup;
import io.deadlinesaga.launcher.running.LocalPostgres;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.FileSystemUtils;

/**
 * Where the shared system's services keep their state: in-memory H2 (the default), or a real PostgreSQL server
 * started for the run ({@code -Dsaga.test.database=postgres}, the build's second end-to-end run). The saga view
 * keeps its store in H2 either way, as it does under {@code ./saga up --db postgres}.
 */
abstract sealed class TestDatabases permits TestDatabases.H2, TestDatabases.Postgres {

    static final String CHOICE = "saga.test.database";

    static TestDatabases chosen(String run) {
        return "postgres".equals(System.getProperty(CHOICE)) ? new Postgres(run) : new H2(run);
    }

    /** The JDBC URL a service is started with. */
    abstract String url(String service);

    abstract String username(String service);

    /** A service's database, whether the service runs or not. */
    abstract JdbcTemplate jdbc(String service);

    /** How many sessions wait for a lock another holds now. */
    abstract String blockedSessionsQuery();

    void close() {
    }

    /** In-memory H2, one database per service; order, exchange, point and deadline as the build before migrations left them. */
    static final class H2 extends TestDatabases {

        /**
         * The services whose databases start as the build before migrations left them (tables made by Hibernate,
         * with the walkthrough's orders of holder legacy-jjy): every service here upgrades its database in place
         * at start, and every test then runs on the upgraded tables.
         */
        static final List<String> LEGACY = List.of("order", "exchange", "point", "deadline");

        private final String run;

        H2(String run) {
            this.run = run;
            LEGACY.forEach(service -> DatabasePopulatorUtils.execute(
                    new ResourceDatabasePopulator(new ClassPathResource("legacy/" + service + ".sql")), dataSource(service)));
        }

        private String plainUrl(String service) {
            return "jdbc:h2:mem:" + service + "-" + run + ";DB_CLOSE_DELAY=-1";
        }

        private SimpleDriverDataSource dataSource(String service) {
            return new SimpleDriverDataSource(new org.h2.Driver(), plainUrl(service), "sa", "");
        }

        @Override
        String url(String service) {
            return plainUrl(service) + ";LOCK_TIMEOUT=10000";
        }

        @Override
        String username(String service) {
            return "sa";
        }

        @Override
        JdbcTemplate jdbc(String service) {
            return new JdbcTemplate(dataSource(service));
        }

        @Override
        String blockedSessionsQuery() {
            return "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
        }
    }

    /** The machine's PostgreSQL server, started as ./saga up --db postgres starts it, in target/, for this run. */
    static final class Postgres extends TestDatabases {

        private static final Path DATA = Path.of("target/postgres-e2e").toAbsolutePath();

        private final H2 view;
        private final Setup setup;
        private final LocalPostgres server;

        Postgres(String run) {
            this.view = new H2(run);
            try {
                FileSystemUtils.deleteRecursively(DATA);
                setup = Setup.of(Path.of(".."), Path.of("."), Map.of("SAGA_DATA_DIR", DATA.toString(),
                        "SAGA_POSTGRES_PORT", Integer.toString(freePort())), "java").withDatabase(Setup.Database.POSTGRES);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            server = new LocalPostgres(setup);
            server.start(line -> { });
        }

        private boolean onPostgres(String service) {
            return Part.named(service).filter(Part::hasChosenDatabase).isPresent();
        }

        @Override
        String url(String service) {
            return onPostgres(service) ? setup.serviceEnvironment(Instance.only(Part.named(service).orElseThrow()))
                    .get("SPRING_DATASOURCE_URL") : view.url(service);
        }

        @Override
        String username(String service) {
            return onPostgres(service) ? Setup.POSTGRES_USER : view.username(service);
        }

        @Override
        JdbcTemplate jdbc(String service) {
            return onPostgres(service) ? new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
                    url(service), Setup.POSTGRES_USER, "")) : view.jdbc(service);
        }

        @Override
        String blockedSessionsQuery() {
            return "SELECT count(*) FROM pg_locks WHERE NOT granted";
        }

        @Override
        void close() {
            server.stop(line -> { });
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
