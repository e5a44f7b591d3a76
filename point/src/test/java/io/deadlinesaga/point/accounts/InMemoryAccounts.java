package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.deadlinesaga.messaging.testing.InMemoryRepository;

import org.springframework.data.domain.Pageable;

/** The point accounts in memory, keyed by holder; the lock of {@link #findForUpdate} is a no-op. */
public class InMemoryAccounts extends InMemoryRepository<PointAccount, String> implements PointAccountRepository {

    public InMemoryAccounts() {
        super(PointAccount::getUserId);
    }

    /** An account of {@code userId} with {@code points}, as opened at {@code openedAt}. */
    public PointAccount open(String userId, String points, long openedAt) {
        return save(new PointAccount(userId, new BigDecimal(points), openedAt));
    }

    /** The holder's balance now. */
    public BigDecimal balanceOf(String userId) {
        return findById(userId).orElseThrow().getPoint();
    }

    @Override
    public Optional<PointAccount> findForUpdate(String userId) {
        return findById(userId);
    }

    @Override
    public List<PointAccount> findAllBy(Pageable page) {
        throw new UnsupportedOperationException("a web read: the reactions never list accounts");
    }
}
