package io.deadlinesaga.messaging;

import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-memory H2 database with the messaging tables, and JPA, repositories and transactions wired by hand as
 * a service's auto-configuration wires them: Spring's JPA support used as a library, no application context.
 * The tests share one, emptied for each ({@link #empty}): starting JPA is what would cost most of their time.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JpaTransactionManager transactionManager;
    private final EntityManager entityManager;

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
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(TestDatabase.class.getPackageName());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
        factory.afterPropertiesSet();
        EntityManagerFactory entityManagerFactory = factory.getObject();
        transactionManager = new JpaTransactionManager(entityManagerFactory);
        transactionManager.afterPropertiesSet();
        entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    public JpaTransactionManager transactionManager() {
        return transactionManager;
    }

    /** The entity manager of the current transaction, as a service's beans get it. */
    public EntityManager entityManager() {
        return entityManager;
    }

    /** A Spring Data repository of the messaging entities, on this database. */
    public <T> T repository(Class<T> type) {
        return new JpaRepositoryFactory(entityManager).getRepository(type);
    }

    public long count(String sql, Object... arguments) {
        Long count = jdbc().queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
