package io.deadlinesaga.point.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

    Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type);

    boolean existsByOrderIdAndType(long orderId, EntryType type);

    List<LedgerEntry> findByOrderIdOrderById(long orderId);

    List<LedgerEntry> findByUserIdOrderById(String userId);
}
