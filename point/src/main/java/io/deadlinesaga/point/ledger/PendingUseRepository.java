package io.deadlinesaga.point.ledger;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PendingUseRepository extends JpaRepository<PendingUse, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM PendingUse p WHERE p.userId = :userId ORDER BY p.orderId")
    List<PendingUse> lockAllOf(@Param("userId") String userId);

    @Modifying
    @Query("DELETE FROM PendingUse p WHERE p.orderId = :orderId")
    int dropFor(@Param("orderId") long orderId);
}
