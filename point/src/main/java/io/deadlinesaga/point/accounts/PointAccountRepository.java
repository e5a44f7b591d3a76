package io.deadlinesaga.point.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PointAccountRepository extends JpaRepository<PointAccount, String> {

    /** The account, locked until the transaction ends: two orders of one holder never both spend one balance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT a FROM PointAccount a WHERE a.userId = :userId")
    Optional<PointAccount> findForUpdate(@Param("userId") String userId);

    /** One page, in the page's order; no count of all rows. */
    List<PointAccount> findAllBy(Pageable page);
}
