package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.testing.InMemoryRepository;
import io.deadlinesaga.messaging.web.Paging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** The point accounts in memory, keyed by holder; the lock of {@link #findForUpdate} is a no-op. */
public class InMemoryAccounts extends InMemoryRepository<PointAccount, String> implements PointAccountRepository {

    public InMemoryAccounts() {
        super(PointAccount::getUserId);
    }

    /** An account of {@code userId} with {@code points}, as opened at {@code openedAt}. */
    public PointAccount open(String userId, String points, long openedAt) {
        PointAccount account = new PointAccount(userId, new BigDecimal(points), openedAt);
        insert(account);
        return account;
    }

    /** The holder's balance now. */
    public BigDecimal balanceOf(String userId) {
        return findById(userId).orElseThrow().getPoint();
    }

    @Override
    public synchronized void insert(PointAccount account) {
        if (existsById(account.getUserId())) {
            throw new DuplicateKeyException("duplicate key " + account.getUserId() + " in point_account");
        }
        save(account);
    }

    @Override
    public synchronized void update(PointAccount account) {
        if (!existsById(account.getUserId())) {
            throw new OptimisticLockingFailureException("no point account of " + account.getUserId());
        }
    }

    @Override
    public Optional<PointAccount> findForUpdate(String userId) {
        return findById(userId);
    }

    @Override
    public List<PointAccount> findNewest(Paging page) {
        throw new UnsupportedOperationException("a web read: the reactions never list accounts");
    }
}
