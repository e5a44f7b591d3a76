package io.deadlinesaga.messaging.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InboxRepository extends JpaRepository<InboxEvent, Long> {

    @Query("SELECT e.eventId FROM InboxEvent e WHERE e.eventId IN :eventIds")
    List<String> findKnownEventIds(@Param("eventIds") Collection<String> eventIds);

    @Query("SELECT DISTINCT e.orderId FROM InboxEvent e WHERE e.orderId IN :orderIds AND e.status = 'PENDING'")
    List<Long> findOrdersWithPendingEvents(@Param("orderIds") Collection<Long> orderIds);

    /** The oldest event of the order not yet handled: the only one of that order that may run now. */
    @NativeQuery("SELECT * FROM inbox_event WHERE order_id = :orderId AND status = 'PENDING' ORDER BY seq LIMIT 1")
    Optional<InboxEvent> findHead(@Param("orderId") long orderId);

    /** Locks the row unless another instance already holds it; empty then, or when it is no longer pending. */
    @NativeQuery("SELECT * FROM inbox_event WHERE seq = :seq AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
    Optional<InboxEvent> lockIfFree(@Param("seq") long seq);

    @Query("SELECT DISTINCT e.orderId FROM InboxEvent e WHERE e.status = 'PENDING' AND e.notBefore <= :now")
    List<Long> findOrdersWithDueEvents(@Param("now") long now);
}
