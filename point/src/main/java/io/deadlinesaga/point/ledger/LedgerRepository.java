package io.deadlinesaga.point.ledger;

import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

/** The point ledger, with only what the service does with it: entries are added, never changed or deleted. */
public interface LedgerRepository {

    /**
     * Inserts the entry now and gives it the table's id; a second entry of the same order and type fails with a
     * {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    void insert(LedgerEntry entry);

    Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type);

    boolean existsByOrderIdAndType(long orderId, EntryType type);

    /** One page of an order's entries, newest (highest id) first, as the others below; no count of all rows. */
    List<LedgerEntry> findNewestByOrderId(long orderId, Paging page);

    List<LedgerEntry> findNewestByUserId(String userId, Paging page);

    List<LedgerEntry> findNewest(Paging page);
}
