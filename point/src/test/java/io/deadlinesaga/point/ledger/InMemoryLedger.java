package io.deadlinesaga.point.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.deadlinesaga.messaging.testing.InMemoryRepository;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.dao.DuplicateKeyException;

/** The ledger in memory, with the table's rule: one entry per order and type. */
class InMemoryLedger extends InMemoryRepository<LedgerEntry, Long> implements LedgerRepository {

    private final AtomicLong lastId = new AtomicLong();

    InMemoryLedger() {
        super(LedgerEntry::getId);
    }

    @Override
    public synchronized void insert(LedgerEntry entry) {
        if (existsByOrderIdAndType(entry.getOrderId(), entry.getType())) {
            throw new DuplicateKeyException("one_entry_per_order_and_type: a second " + entry.getType()
                    + " for order " + entry.getOrderId());
        }
        entry.inserted(lastId.incrementAndGet());
        save(entry);
    }

    @Override
    public Optional<LedgerEntry> findByOrderIdAndType(long orderId, EntryType type) {
        return rows().filter(entry -> entry.getOrderId() == orderId && entry.getType() == type).findFirst();
    }

    @Override
    public boolean existsByOrderIdAndType(long orderId, EntryType type) {
        return findByOrderIdAndType(orderId, type).isPresent();
    }

    /** The order's entries, in the order they were written. */
    List<LedgerEntry> entriesOf(long orderId) {
        return rows().filter(entry -> entry.getOrderId() == orderId).toList();
    }

    @Override
    public List<LedgerEntry> findNewestByOrderId(long orderId, Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list the ledger");
    }

    @Override
    public List<LedgerEntry> findNewestByUserId(String userId, Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list the ledger");
    }

    @Override
    public List<LedgerEntry> findNewest(Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list the ledger");
    }
}
