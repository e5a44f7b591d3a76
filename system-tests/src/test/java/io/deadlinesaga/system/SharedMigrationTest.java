package io.deadlinesaga.system;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import io.deadlinesaga.launcher.Setup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service that start together on one fresh database, as {@code ./saga up --db postgres
 * --instances 2} starts them: both migrate it, and it is migrated once, not baselined (Flyway alone fails one of
 * them about once in five: {@link io.deadlinesaga.messaging.persistence.SharedMigration}). On PostgreSQL only (the
 * build's second run): an H2 file is opened by one process.
 */
@Tag("postgres")
class SharedMigrationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final SagaSystem system = SagaSystem.get();

    @RepeatedTest(20)
    void twoInstancesStartingTogetherOnAFreshDatabaseBothMigrateIt() throws Exception {
        // given: a fresh database, and two instances migrating it as the order service does (its Flyway settings)
        FlywayMigrationStrategy migration = system.bean("order", FlywayMigrationStrategy.class);
        String name = "shared_migration_" + DATABASES.incrementAndGet();
        String orderUrl = system.databaseUrl("order");
        String url = orderUrl.replace("/order?", "/" + name + "?");
        assertThat(url).as("a database of its own").isNotEqualTo(orderUrl);
        system.database("order").execute("CREATE DATABASE " + name);
        JdbcTemplate database = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                Setup.POSTGRES_USER, ""));
        Configuration orders = system.bean("order", Flyway.class).getConfiguration();
        CyclicBarrier together = new CyclicBarrier(2);

        // when: both start at once
        List<CompletableFuture<Void>> starts = List.of(1, 2).stream().map(instance -> CompletableFuture.runAsync(() -> {
            Flyway flyway = Flyway.configure().configuration(orders).dataSource(database.getDataSource()).load();
            await(together);
            migration.migrate(flyway);
        })).toList();

        // then
        for (CompletableFuture<Void> start : starts) {
            start.get();
        }
        assertThat(database.queryForList("SELECT \"type\" || ' ' || coalesce(\"version\", '-') FROM "
                + "\"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"", String.class))
                .doesNotContain("BASELINE 2").contains("SQL 1", "SQL 2");
        assertThat(database.queryForObject("SELECT count(*) FROM \"orders\"", Integer.class)).isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
