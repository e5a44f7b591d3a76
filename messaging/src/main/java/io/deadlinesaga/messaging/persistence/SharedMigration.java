package io.deadlinesaga.messaging.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Flyway's migrate, safe for instances of one service that start together on one fresh database (PostgreSQL,
 * scaled out). Every service migrates with baseline-on-migrate (saga-defaults.yml): an instance that finds no
 * schema history table in a schema that is not empty takes the tables it found as the baseline. When what made the
 * schema not empty is the history table another instance has just created, that baseline fails ("already exists,
 * and is empty"; Flyway issue 2243). Migrating once more is then safe: the history table exists, so no baseline
 * is tried, and Flyway's own lock on it runs this migrate after the other instance's. A migration that fails for
 * any other reason fails the second time too, and both failures are reported.
 */
public final class SharedMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SharedMigration.class);

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        }
        catch (FlywayException first) {
            log.warn("Migrating once more, as another instance may be migrating the same database: {}", first.getMessage());
            try {
                flyway.migrate();
            }
            catch (FlywayException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }
}
