package io.deadlinesaga.point.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;

/** The point ledger, with only what the service does with it: entries are added, never changed or deleted. */
public interface LedgerRepository {

    /**
     * Inserts the entry now and gives it the table's id; a second entry of the same order and type fails with a
     * {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    void insert(LedgerEntry entry);

    Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type);

    boolean existsByOrderIdAndType(long orderId, EntryType type);

    /** One page of an order's entries, in the page's order (as the others below); no count of all rows. */
    List<LedgerEntry> findByOrderId(long orderId, Pageable page);

    List<LedgerEntry> findByUserId(String userId, Pageable page);

    List<LedgerEntry> findAllBy(Pageable page);
}
