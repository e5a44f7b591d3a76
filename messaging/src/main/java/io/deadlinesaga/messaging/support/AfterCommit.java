package io.deadlinesaga.messaging.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must wait until the current transaction has committed, and never run if it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs the action after the current transaction commits; there must be one. Without one it refuses,
     * rather than run the action at once: work meant for after a commit would then run with nothing committed.
     *
     * @throws IllegalStateException when no transaction is active on this thread
     */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("work to run after commit needs a transaction, and there is none");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
