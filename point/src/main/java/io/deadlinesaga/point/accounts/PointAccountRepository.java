package io.deadlinesaga.point.accounts;

import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.web.Paging;

/** The point accounts, one per holder, with only what the service does with them: none is ever deleted. */
public interface PointAccountRepository {

    Optional<PointAccount> findById(String userId);

    boolean existsById(String userId);

    /**
     * Inserts the account now, so that a second account for the holder fails here, with a
     * {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    void insert(PointAccount account);

    /**
     * Writes the balance of a stored account; one that is not stored fails with an
     * {@link org.springframework.dao.OptimisticLockingFailureException}.
     */
    void update(PointAccount account);

    /** The account, locked until the transaction ends: two orders of one holder never both spend one balance. */
    Optional<PointAccount> findForUpdate(String userId);

    /**
     * One page of the accounts, the newest opened first (ties by userId, last first); no count of all rows.
     */
    List<PointAccount> findNewest(Paging page);
}
