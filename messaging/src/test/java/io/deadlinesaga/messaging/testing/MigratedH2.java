package io.deadlinesaga.messaging.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh in-memory H2 database with a service's tables, made by the service's own Flyway migrations
 * ({@code db/messaging} and {@code db/<service>}), for Spring-free tests of its JDBC repositories: the same
 * SQL a service runs, on the same schema, in milliseconds.
 */
public final class MigratedH2 {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final DataSourceTransactionManager transactionManager;

    private MigratedH2(String service) {
        dataSource.setURL("jdbc:h2:mem:" + service + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(new SingleConnectionDataSource(lastingConnection(dataSource), true))
                .locations("classpath:db/messaging", "classpath:db/" + service).load().migrate();
        transactionManager = new DataSourceTransactionManager(dataSource);
    }

    /**
     * A connection to make the tables with, never closed. H2 2.4.240 evaluates a table's {@code CHECK (x IN (...))}
     * in the session that made the table: once that session is closed, every insert fails with "Check constraint
     * invalid" (h2database issue 4308). A service's pool keeps its connections open; a test keeps this one.
     */
    public static Connection lastingConnection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot open the test database: " + ex.getMessage(), ex);
        }
    }

    /** A new database of its own, migrated as {@code service}'s is. */
    public static MigratedH2 of(String service) {
        return new MigratedH2(service);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }
}
