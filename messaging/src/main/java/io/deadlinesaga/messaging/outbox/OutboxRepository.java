package io.deadlinesaga.messaging.outbox;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * Claims the oldest unsent rows created up to {@code createdBefore}; rows another relay instance holds are
     * skipped, never sent twice.
     */
    @NativeQuery("SELECT * FROM outbox_message WHERE sent_at IS NULL AND created_at <= :createdBefore ORDER BY id"
            + " LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<OutboxMessage> claimUnsent(@Param("createdBefore") long createdBefore, @Param("limit") int limit);

    /**
     * Claims those of these rows that are still unsent, oldest first: a row another relay instance holds is
     * skipped, and one it has marked sent no longer matches (both databases check {@code sent_at} again on the
     * row they lock, so a mark committed while this statement ran counts).
     */
    @NativeQuery("SELECT * FROM outbox_message WHERE event_id IN (:eventIds) AND sent_at IS NULL ORDER BY id"
            + " FOR UPDATE SKIP LOCKED")
    List<OutboxMessage> claimUnsentOf(@Param("eventIds") Collection<String> eventIds);

    /**
     * Order and id of every unsent row up to {@code maxId}, whoever holds it: to keep each order's order. (A
     * range on the (sent_at, id) index; an IN list of the batch's orders was hundreds of times slower.)
     */
    @Query("SELECT m.orderId, m.id FROM OutboxMessage m WHERE m.sentAt IS NULL AND m.id <= :maxId")
    List<Object[]> unsentUpTo(@Param("maxId") long maxId);

    @Modifying
    @Query("UPDATE OutboxMessage m SET m.sentAt = :sentAt WHERE m.id IN :ids")
    int markSent(@Param("ids") Collection<Long> ids, @Param("sentAt") long sentAt);

    @Query("SELECT count(m) FROM OutboxMessage m WHERE m.sentAt IS NULL")
    long countUnsent();

    /** When the oldest unsent row was committed; null when every row is sent. */
    @Query("SELECT min(m.createdAt) FROM OutboxMessage m WHERE m.sentAt IS NULL")
    Long oldestUnsentCreatedAt();
}
