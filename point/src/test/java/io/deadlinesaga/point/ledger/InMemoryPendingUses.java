package io.deadlinesaga.point.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.util.ReflectionTestUtils;

/** The orders waiting for an account, in memory; the queries do what their SQL does, the locks nothing. */
class InMemoryPendingUses extends InMemoryRepository<PendingUse, Long> implements PendingUseRepository {

    InMemoryPendingUses() {
        super(PendingUse::getOrderId);
    }

    @Override
    public synchronized void insert(PendingUse pendingUse) {
        if (existsById(pendingUse.getOrderId())) {
            throw new DuplicateKeyException("duplicate key " + pendingUse.getOrderId() + " in point_pending_use");
        }
        save(pendingUse);
    }

    @Override
    public synchronized void update(PendingUse pendingUse) {
        if (!existsById(pendingUse.getOrderId())) {
            throw new OptimisticLockingFailureException("no waiting order " + pendingUse.getOrderId());
        }
    }

    @Override
    public synchronized void delete(PendingUse pendingUse) {
        if (!existsById(pendingUse.getOrderId())) {
            throw new OptimisticLockingFailureException("no waiting order " + pendingUse.getOrderId());
        }
        super.delete(pendingUse);
    }

    @Override
    public List<PendingUse> lockAllOf(String userId) {
        return rows().filter(pending -> pending.getUserId().equals(userId))
                .sorted(Comparator.comparing(PendingUse::getOrderId)).toList();
    }

    @Override
    public int dropFor(long orderId) {
        return findById(orderId).map(pending -> {
            delete(pending);
            return 1;
        }).orElse(0);
    }

    @Override
    public List<String> findUsersDue(long now, int limit) {
        Map<String, Long> firstDue = rows().filter(pending -> nextLookAt(pending) <= now).collect(
                Collectors.toMap(PendingUse::getUserId, InMemoryPendingUses::nextLookAt, Math::min));
        return firstDue.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .limit(limit).toList();
    }

    @Override
    public int lookNowFor(String userId) {
        List<PendingUse> waiting = lockAllOf(userId);
        waiting.forEach(pending -> ReflectionTestUtils.setField(pending, "nextLookAt", 0L));
        return waiting.size();
    }

    /** When the waiting order is looked at next, epoch ms. */
    static long nextLookAt(PendingUse pending) {
        return pending.nextLookAt();
    }
}
