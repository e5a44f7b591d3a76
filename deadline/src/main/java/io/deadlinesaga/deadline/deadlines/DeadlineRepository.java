package io.deadlinesaga.deadline.deadlines;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The deadlines, one per order, with only what the service does with them. */
public interface DeadlineRepository extends Repository<Deadline, Long> {

    Optional<Deadline> findById(Long orderId);

    boolean existsById(Long orderId);

    <S extends Deadline> S save(S deadline);

    /** The pending deadline, locked; empty if another instance is firing or cancelling it right now. */
    @NativeQuery("SELECT * FROM deadline WHERE order_id = :orderId AND state = 'PENDING' FOR UPDATE SKIP LOCKED")
    Optional<Deadline> lockPending(@Param("orderId") long orderId);

    /**
     * The deadline, locked until the transaction ends, waiting for whoever holds it (a firing): so a cancel
     * reads the state the firing committed and never overwrites FIRED.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT d FROM Deadline d WHERE d.orderId = :orderId")
    Optional<Deadline> lock(@Param("orderId") long orderId);

    /** Pending deadlines due before {@code until}: order id and due time. */
    @Query("SELECT d.orderId, d.dueAt FROM Deadline d WHERE d.state = 'PENDING' AND d.dueAt <= :until ORDER BY d.dueAt")
    List<Object[]> findPendingDueBefore(@Param("until") long until);

    /** One page, in the page's order; no count of all rows. */
    List<Deadline> findAllBy(Pageable page);
}
