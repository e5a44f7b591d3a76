package io.deadlinesaga.deadline.deadlines;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The deadline table in memory, keyed by order; the locks are no-ops, the queries do what their SQL does. It
 * keeps copies, as the table keeps rows: a change to a found deadline is lost unless it is written back with
 * {@link #update}, so a reaction that forgets to write fails its test.
 */
class InMemoryDeadlines implements DeadlineRepository {

    private final Map<Long, Deadline> rows = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Deadline> findById(long orderId) {
        return Optional.ofNullable(rows.get(orderId)).map(InMemoryDeadlines::copy);
    }

    @Override
    public synchronized boolean existsById(long orderId) {
        return rows.containsKey(orderId);
    }

    @Override
    public synchronized void insert(Deadline deadline) {
        if (rows.putIfAbsent(deadline.getOrderId(), copy(deadline)) != null) {
            throw new DuplicateKeyException("duplicate key " + deadline.getOrderId() + " in deadline");
        }
    }

    @Override
    public synchronized void update(Deadline deadline) {
        if (rows.replace(deadline.getOrderId(), copy(deadline)) == null) {
            throw new OptimisticLockingFailureException("no deadline of order " + deadline.getOrderId() + " to update");
        }
    }

    @Override
    public Optional<Deadline> lockPending(long orderId) {
        return findById(orderId).filter(deadline -> deadline.getState() == DeadlineState.PENDING);
    }

    @Override
    public Optional<Deadline> lock(long orderId) {
        return findById(orderId);
    }

    @Override
    public synchronized List<Due> findPendingDueBefore(long until) {
        return rows.values().stream()
                .filter(deadline -> deadline.getState() == DeadlineState.PENDING && deadline.getDueAt() <= until)
                .sorted(Comparator.comparingLong(Deadline::getDueAt))
                .map(deadline -> new Due(deadline.getOrderId(), deadline.getDueAt())).toList();
    }

    @Override
    public List<Deadline> findNewest(Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list deadlines");
    }

    synchronized int count() {
        return rows.size();
    }

    private static Deadline copy(Deadline deadline) {
        return Deadline.restore(deadline.getOrderId(), deadline.getDueAt(), deadline.getState(),
                deadline.getCreatedAt(), deadline.getClosedAt());
    }
}
