package io.deadlinesaga.sagaview.timeline;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store is written by one writer at a time, each write one transaction: a batch of the topic, or a recheck
 * of verdicts the clock may change. Both audit a saga from its events and store the verdict; taking turns, a
 * recheck can never store a verdict made from fewer events than the batch before it committed.
 */
@Component
public class StoreWrites {

    private final ReentrantLock writer = new ReentrantLock();
    private final TransactionTemplate transactions;

    public StoreWrites(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public void inTransaction(Runnable write) {
        writer.lock();
        try {
            transactions.executeWithoutResult(status -> write.run());
        }
        finally {
            writer.unlock();
        }
    }
}
