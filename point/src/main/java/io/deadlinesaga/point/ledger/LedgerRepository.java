package io.deadlinesaga.point.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** The point ledger, with only what the service does with it: entries are added, never changed or deleted. */
public interface LedgerRepository extends Repository<LedgerEntry, Long> {

    <S extends LedgerEntry> S save(S entry);

    Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type);

    boolean existsByOrderIdAndType(long orderId, EntryType type);

    /** One page of an order's entries, in the page's order (as the others below); no count of all rows. */
    List<LedgerEntry> findByOrderId(long orderId, Pageable page);

    List<LedgerEntry> findByUserId(String userId, Pageable page);

    List<LedgerEntry> findAllBy(Pageable page);
}
