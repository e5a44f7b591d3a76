package io.deadlinesaga.messaging.persistence;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 file database that commits in memory ({@code WRITE_DELAY} long enough that H2's background writer never
 * writes during a test), "killed" with {@code SHUTDOWN IMMEDIATELY}, which closes the file without writing what
 * is only in memory, and opened again.
 */
class H2GroupCommitTest {

    private static final String COMMITS_IN_MEMORY = ";WRITE_DELAY=60000";

    @TempDir
    Path folder;

    @Test
    void aTransactionThatReturnedSurvivesAKill() {
        // given
        JdbcDataSource database = database(COMMITS_IN_MEMORY);
        Durability durability = H2GroupCommit.of(database);
        TransactionTemplate transactions = transactions(database, durability);

        // when
        transactions.executeWithoutResult(status -> jdbc(database).update("INSERT INTO rows VALUES (1)"));
        kill(database);

        // then
        assertThat(rowsAfterRestart()).isEqualTo(1);
    }

    @Test
    void withoutGroupCommitSuchACommitIsLostToAKill() {
        // given: the same database, its transactions not waiting for their write (what the test above rules out)
        JdbcDataSource database = database(COMMITS_IN_MEMORY);
        TransactionTemplate transactions = transactions(database, Durability.ON_COMMIT);

        // when
        transactions.executeWithoutResult(status -> jdbc(database).update("INSERT INTO rows VALUES (1)"));
        kill(database);

        // then
        assertThat(rowsAfterRestart()).isZero();
    }

    @Test
    void whatWasCommittedBeforeAWaitSurvivesAKill() {
        // given: a row committed by a statement that did not wait (as a relay finds a row another thread committed)
        JdbcDataSource database = database(COMMITS_IN_MEMORY);
        Durability durability = H2GroupCommit.of(database);
        jdbc(database).update("INSERT INTO rows VALUES (1)");

        // when: the relay waits before it sends the row
        durability.awaitSafe();
        kill(database);

        // then
        assertThat(rowsAfterRestart()).isEqualTo(1);
    }

    @Test
    void aDatabaseWhoseCommitsWriteBeforeTheyReturnHasNothingToWaitFor() {
        assertThat(H2GroupCommit.of(database(";WRITE_DELAY=0"))).isSameAs(Durability.ON_COMMIT);

        JdbcDataSource inMemory = new JdbcDataSource();
        inMemory.setURL("jdbc:h2:mem:group-commit;DB_CLOSE_DELAY=-1");
        assertThat(H2GroupCommit.of(inMemory)).isSameAs(Durability.ON_COMMIT);
    }

    private JdbcDataSource database(String settings) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + folder.resolve("db") + settings + ";DB_CLOSE_DELAY=-1");
        jdbc(database).execute("CREATE TABLE IF NOT EXISTS rows (id INT PRIMARY KEY)");
        jdbc(database).execute("CHECKPOINT"); // the table itself is in the file
        return database;
    }

    private static TransactionTemplate transactions(JdbcDataSource database, Durability durability) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(database);
        manager.addListener(durability);
        return new TransactionTemplate(manager);
    }

    private static void kill(JdbcDataSource database) {
        jdbc(database).execute("SHUTDOWN IMMEDIATELY");
    }

    private int rowsAfterRestart() {
        JdbcDataSource reopened = new JdbcDataSource();
        reopened.setURL("jdbc:h2:file:" + folder.resolve("db"));
        Integer rows = jdbc(reopened).queryForObject("SELECT COUNT(*) FROM rows", Integer.class);
        jdbc(reopened).execute("SHUTDOWN");
        return rows == null ? 0 : rows;
    }

    private static JdbcTemplate jdbc(JdbcDataSource database) {
        return new JdbcTemplate(database);
    }
}
