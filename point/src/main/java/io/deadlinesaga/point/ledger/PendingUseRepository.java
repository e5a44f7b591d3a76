package io.deadlinesaga.point.ledger;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The orders waiting for their holder's point account, with only what the service does with them. */
interface PendingUseRepository extends Repository<PendingUse, Long> {

    boolean existsById(Long orderId);

    <S extends PendingUse> S save(S pendingUse);

    void delete(PendingUse pendingUse);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM PendingUse p WHERE p.userId = :userId ORDER BY p.orderId")
    List<PendingUse> lockAllOf(@Param("userId") String userId);

    @Modifying
    @Query("DELETE FROM PendingUse p WHERE p.orderId = :orderId")
    int dropFor(@Param("orderId") long orderId);

    /** The holders with a waiting order due for a look, the longest due first. */
    @Query("SELECT p.userId FROM PendingUse p WHERE p.nextLookAt <= :now GROUP BY p.userId ORDER BY min(p.nextLookAt)")
    List<String> findUsersDue(@Param("now") long now, Limit limit);

    /** Makes every waiting order of the holder due for a look now (its account has just been opened). */
    @Modifying
    @Query("UPDATE PendingUse p SET p.nextLookAt = 0 WHERE p.userId = :userId")
    int lookNowFor(@Param("userId") String userId);
}
