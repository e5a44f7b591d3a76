package io.deadlinesaga.messaging.persistence;

import org.springframework.transaction.TransactionExecutionListener;

/**
 * When a commit is safe from a killed process: on most databases when the commit returns; on an H2 file database
 * that commits in memory ({@code WRITE_DELAY} above 0), once a store has written it to the file
 * ({@link H2GroupCommit}). As a {@link TransactionExecutionListener} (Spring Boot adds every such bean to the
 * transaction manager), it makes each transaction that wrote wait after its commit until the commit is safe: so
 * an HTTP answer, a Kafka offset committed after a listener's transaction, or anything else a caller does once
 * the transaction has returned, comes only after what the transaction wrote is safe. Whatever reads committed rows
 * to act on them outside the database (the outbox relay, which sends them) calls {@link #awaitSafe} first.
 */
public interface Durability extends TransactionExecutionListener {

    /** A database whose commits are safe when they return: nothing to wait for. */
    Durability ON_COMMIT = new Durability() {

        @Override
        public void awaitSafe() {
        }

        @Override
        public String toString() {
            return "commits safe on return";
        }
    };

    /** Returns once every transaction committed before the call is safe from a killed process. */
    void awaitSafe();
}
