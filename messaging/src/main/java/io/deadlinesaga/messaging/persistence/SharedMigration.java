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
 * is tried, and Flyway's own lock on it runs this migrate after the other instance's. Any other failure is thrown
 * as it is.
 */
public final class SharedMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SharedMigration.class);
    /** Flyway's words when the history table it was about to make as the baseline was made meanwhile. */
    private static final String RACED = "Unable to baseline schema history table";

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        }
        catch (FlywayException ex) {
            if (ex.getMessage() == null || !ex.getMessage().contains(RACED)) {
                throw ex;
            }
            log.info("Another instance made the schema history table meanwhile; migrating once more: {}", ex.getMessage());
            flyway.migrate();
        }
    }
}
