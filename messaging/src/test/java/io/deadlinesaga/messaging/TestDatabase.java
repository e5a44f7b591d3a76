package io.deadlinesaga.messaging;

import java.util.UUID;

import io.deadlinesaga.messaging.testing.MigratedH2;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-memory H2 database with the messaging tables, made by their Flyway migration, and transactions as a
 * service has them: no application context. The tests share one, emptied for each ({@link #empty}).
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final DataSourceTransactionManager transactionManager;

    /** The tests' database, with no rows in it; a test stops what it started before the next one begins. */
    public static synchronized TestDatabase empty() {
        if (shared == null) {
            shared = new TestDatabase();
        }
        shared.jdbc().execute("DELETE FROM outbox_message");
        shared.jdbc().execute("DELETE FROM inbox_event");
        return shared;
    }

    private TestDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(new SingleConnectionDataSource(MigratedH2.lastingConnection(dataSource), true))
                .locations("classpath:db/messaging").load().migrate();
        transactionManager = new DataSourceTransactionManager(dataSource);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public JdbcClient client() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    public long count(String sql, Object... arguments) {
        Long count = jdbc().queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
