package io.deadlinesaga.deadline.deadlines;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.data.domain.Pageable;

/** The deadline table in memory, keyed by order; the locks are no-ops, the queries do what their SQL does. */
class InMemoryDeadlines extends InMemoryRepository<Deadline, Long> implements DeadlineRepository {

    InMemoryDeadlines() {
        super(Deadline::getOrderId);
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
    public List<Object[]> findPendingDueBefore(long until) {
        return rows().filter(deadline -> deadline.getState() == DeadlineState.PENDING && deadline.getDueAt() <= until)
                .sorted(Comparator.comparingLong(Deadline::getDueAt))
                .map(deadline -> new Object[] {deadline.getOrderId(), deadline.getDueAt()}).toList();
    }

    @Override
    public List<Deadline> findAllBy(Pageable page) {
        throw new UnsupportedOperationException("a web read: the reactions never list deadlines");
    }
}
