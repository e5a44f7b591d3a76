package io.deadlinesaga.deadline.deadlines;

import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

/** The deadlines, one per order, with only what the service does with them. */
public interface DeadlineRepository {

    Optional<Deadline> findById(long orderId);

    boolean existsById(long orderId);

    /** A new deadline; a second one for the same order fails on the primary key. */
    void insert(Deadline deadline);

    /** Writes what can change (state and closing time) of a deadline found here. */
    void update(Deadline deadline);

    /** The pending deadline, locked; empty if another instance is firing or cancelling it right now. */
    Optional<Deadline> lockPending(long orderId);

    /**
     * The deadline, locked until the transaction ends, waiting for whoever holds it (a firing): so a cancel
     * reads the state the firing committed and never overwrites FIRED.
     */
    Optional<Deadline> lock(long orderId);

    /** Pending deadlines due before {@code until} (inclusive), earliest first. */
    List<Due> findPendingDueBefore(long until);

    /** One page of the deadlines, of the newest order (highest orderId) first; no count of all rows. */
    List<Deadline> findNewest(Paging page);

    /**
     * A pending deadline, as the clock needs it to set a timer.
     *
     * @param dueAt epoch ms
     */
    record Due(long orderId, long dueAt) {
    }
}
