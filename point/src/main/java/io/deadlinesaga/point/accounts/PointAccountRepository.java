package io.deadlinesaga.point.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The point accounts, one per holder, with only what the service does with them: none is ever deleted. */
public interface PointAccountRepository extends Repository<PointAccount, String> {

    Optional<PointAccount> findById(String userId);

    boolean existsById(String userId);

    /** Inserts the account now, so that a second account for the holder fails here. */
    <S extends PointAccount> S saveAndFlush(S account);

    /** The account, locked until the transaction ends: two orders of one holder never both spend one balance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT a FROM PointAccount a WHERE a.userId = :userId")
    Optional<PointAccount> findForUpdate(@Param("userId") String userId);

    /** One page, in the page's order; no count of all rows. */
    List<PointAccount> findAllBy(Pageable page);
}
