package io.deadlinesaga.messaging.persistence;

import java.util.Optional;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionExecution;

/**
 * Group commit for an H2 file database. With {@code WRITE_DELAY=0} every H2 commit writes a chunk of the file
 * before it returns, under the store's one lock: a service's HTTP threads, its Kafka listener, its relay and its
 * convoy, each committing, queue on that lock for a write each (the profile of the order service at 100 orders/s
 * showed its listener waiting there for half of its time, and its HTTP threads for a connection held by a thread
 * that waited there). With {@code WRITE_DELAY} above 0, H2 commits in memory and writes in the background; this
 * then makes each transaction that wrote wait after its commit for a write that has it ({@link GroupCommit}): a
 * killed process still loses nothing that a caller was told is committed, and the commits that come while one write
 * runs share the next. The background writer is left to write what no transaction waits for.
 */
public final class H2GroupCommit implements Durability {

    private final MVStore store;
    private final GroupCommit group;

    H2GroupCommit(MVStore store) {
        this.store = store;
        this.group = new GroupCommit(this::write);
    }

    /**
     * Group commit when the data source is an H2 file database that commits in memory; {@link Durability#ON_COMMIT}
     * when its commits write before they return (any other database, H2 with {@code WRITE_DELAY=0}, in memory).
     */
    public static Durability of(DataSource dataSource) {
        Optional<MVStore> store = H2Stores.of(dataSource).filter(mvStore -> mvStore.getAutoCommitDelay() > 0);
        return store.<Durability>map(H2GroupCommit::new).orElse(ON_COMMIT);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (commitFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
            awaitSafe();
        }
    }

    @Override
    public void awaitSafe() {
        group.awaitWritten();
    }

    private void write() {
        if (!store.isClosed()) {
            store.commit();
        }
    }

    @Override
    public String toString() {
        return "H2 group commit";
    }
}
