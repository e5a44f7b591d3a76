package io.deadlinesaga.point.ledger;

import java.util.List;

/** The orders waiting for their holder's point account, with only what the service does with them. */
interface PendingUseRepository {

    boolean existsById(Long orderId);

    /** Makes the order wait; a second wait of the same order fails on the key. */
    void insert(PendingUse pendingUse);

    /**
     * Writes when a stored waiting order is looked at next and how many looks it had; one that is not stored
     * fails with an {@link org.springframework.dao.OptimisticLockingFailureException}.
     */
    void update(PendingUse pendingUse);

    /**
     * Ends a stored wait; one that is not stored fails with an
     * {@link org.springframework.dao.OptimisticLockingFailureException}.
     */
    void delete(PendingUse pendingUse);

    /**
     * The holder's waiting orders, by orderId, each locked until the transaction ends: two looks at one holder
     * never both serve an order, and locking in one order keeps two of them from deadlocking.
     */
    List<PendingUse> lockAllOf(String userId);

    /** Ends the order's wait, if it waits; how many rows went (0 or 1). */
    int dropFor(long orderId);

    /** At most {@code limit} holders with a waiting order due for a look, the longest due first. */
    List<String> findUsersDue(long now, int limit);

    /** Makes every waiting order of the holder due for a look now (its account has just been opened). */
    int lookNowFor(String userId);
}
