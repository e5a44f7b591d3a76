package io.deadlinesaga.messaging.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions without a database: nothing is held or undone, but synchronization is real, so work registered
 * to run after commit runs when {@link #run} returns, and never when the work threw. A transaction started
 * inside another joins it, as with a real manager.
 */
public final class TestTransactions extends AbstractPlatformTransactionManager {

    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    /** Runs the work in a transaction: committed if it returns, rolled back (and rethrown) if it throws. */
    public void run(Runnable work) {
        template().executeWithoutResult(status -> work.run());
    }

    /** A template over these transactions, for code that starts its own. */
    public TransactionTemplate template() {
        return new TransactionTemplate(this);
    }

    public int commits() {
        return commits.get();
    }

    public int rollbacks() {
        return rollbacks.get();
    }

    @Override
    protected Object doGetTransaction() {
        return new Joined(TransactionSynchronizationManager.isActualTransactionActive());
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((Joined) transaction).existing();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        // no resource to bind
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        commits.incrementAndGet();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        rollbacks.incrementAndGet();
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        // the outer transaction decides; nothing is held here
    }

    private record Joined(boolean existing) {
    }
}
