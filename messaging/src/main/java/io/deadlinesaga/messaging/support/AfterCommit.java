package io.deadlinesaga.messaging.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must wait until the current transaction has committed, and never run if it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the action after the current transaction commits; there must be one. */
    public static void run(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
