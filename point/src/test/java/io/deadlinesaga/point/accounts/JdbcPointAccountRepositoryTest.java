package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.deadlinesaga.messaging.testing.MigratedH2;
import io.deadlinesaga.messaging.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class JdbcPointAccountRepositoryTest {

    private static final String HOLDER = "jjy";
    private static final long OPENED_AT = 1_700_000_000_000L;

    private final MigratedH2 h2 = MigratedH2.of("point");
    private final JdbcPointAccountRepository accounts = new JdbcPointAccountRepository(h2.jdbc());
    private final TransactionTemplate transactions = h2.transactions();

    @Test
    void readsBackEveryFieldOfAnAccount() {
        // given
        accounts.insert(new PointAccount(HOLDER, new BigDecimal("1234.5678"), OPENED_AT));

        // when
        PointAccount found = accounts.findById(HOLDER).orElseThrow();

        // then
        assertThat(found.getUserId()).isEqualTo(HOLDER);
        assertThat(found.getPoint()).isEqualByComparingTo("1234.5678");
        assertThat(found.getCreatedAt()).isEqualTo(OPENED_AT);
    }

    @Test
    void readsBackAnEmptyAccount() {
        // given
        accounts.insert(new PointAccount(HOLDER, BigDecimal.ZERO, OPENED_AT));

        // when / then
        assertThat(accounts.findById(HOLDER)).hasValueSatisfying(found -> assertThat(found.getPoint()).isZero());
    }

    @Test
    void findsNoAccountOfAHolderWithoutOne() {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));

        // when / then
        assertThat(accounts.findById("nobody")).isEmpty();
        assertThat(accounts.existsById("nobody")).isFalse();
        assertThat(accounts.findForUpdate("nobody")).isEmpty();
    }

    @Test
    void knowsAHolderHasAnAccount() {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));

        // when / then
        assertThat(accounts.existsById(HOLDER)).isTrue();
    }

    @Test
    void refusesASecondAccountOfTheSameHolder() {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));

        // when
        Throwable second = catchThrowable(
                () -> accounts.insert(new PointAccount(HOLDER, new BigDecimal("5"), OPENED_AT + 1)));

        // then: the opening's caller turns this into a conflict; the first account stands
        assertThat(second).isInstanceOf(DuplicateKeyException.class);
        PointAccount found = accounts.findById(HOLDER).orElseThrow();
        assertThat(found.getPoint()).isEqualByComparingTo("1000");
        assertThat(found.getCreatedAt()).isEqualTo(OPENED_AT);
    }

    @Test
    void writesTheBalanceOfAnAccount() {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));
        PointAccount account = accounts.findById(HOLDER).orElseThrow();
        account.deduct(new BigDecimal("300.25"));

        // when
        accounts.update(account);

        // then
        PointAccount found = accounts.findById(HOLDER).orElseThrow();
        assertThat(found.getPoint()).isEqualByComparingTo("699.75");
        assertThat(found.getCreatedAt()).isEqualTo(OPENED_AT);
    }

    @Test
    void updatesOnlyItsOwnHoldersAccount() {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));
        accounts.insert(anAccount("other", OPENED_AT));
        PointAccount account = accounts.findById(HOLDER).orElseThrow();
        account.refund(new BigDecimal("1"));

        // when
        accounts.update(account);

        // then
        assertThat(accounts.findById("other").orElseThrow().getPoint()).isEqualByComparingTo("1000");
    }

    @Test
    void refusesToUpdateAnAccountThatIsNotStored() {
        // given
        PointAccount neverStored = anAccount(HOLDER, OPENED_AT);

        // when
        Throwable update = catchThrowable(() -> accounts.update(neverStored));

        // then
        assertThat(update).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(accounts.existsById(HOLDER)).isFalse();
    }

    @Test
    void readsTheLockedAccountAsStored() {
        // given
        accounts.insert(new PointAccount(HOLDER, new BigDecimal("1234.5678"), OPENED_AT));

        // when
        PointAccount locked = transactions.execute(status -> accounts.findForUpdate(HOLDER).orElseThrow());

        // then
        assertThat(locked.getUserId()).isEqualTo(HOLDER);
        assertThat(locked.getPoint()).isEqualByComparingTo("1234.5678");
        assertThat(locked.getCreatedAt()).isEqualTo(OPENED_AT);
    }

    @Test
    void keepsASecondDeductionWaitingUntilTheFirstCommitsSoNeitherIsLost() throws Exception {
        // given
        accounts.insert(anAccount(HOLDER, OPENED_AT));
        AtomicReference<CompletableFuture<BigDecimal>> second = new AtomicReference<>();

        // when: a second transaction deducts while the first holds the account
        transactions.executeWithoutResult(status -> {
            PointAccount first = accounts.findForUpdate(HOLDER).orElseThrow();
            second.set(CompletableFuture.supplyAsync(() -> deductInATransactionOfItsOwn("100")));
            await().atMost(10, TimeUnit.SECONDS).until(this::aTransactionWaitsForALock);
            assertThat(second.get()).isNotDone();
            first.deduct(new BigDecimal("300"));
            accounts.update(first);
        });

        // then: the second read the balance the first left
        assertThat(second.get().get(10, TimeUnit.SECONDS)).isEqualByComparingTo("600");
        assertThat(accounts.findById(HOLDER).orElseThrow().getPoint()).isEqualByComparingTo("600");
    }

    @Test
    void listsThePagesOfTheNewestAccountFirstWithTiesByHolderLastFirst() {
        // given
        accounts.insert(anAccount("a", OPENED_AT));
        accounts.insert(anAccount("b", OPENED_AT + 2));
        accounts.insert(anAccount("c", OPENED_AT + 1));
        accounts.insert(anAccount("d", OPENED_AT + 1));
        accounts.insert(anAccount("e", OPENED_AT - 1));

        // when
        List<String> first = userIds(accounts.findNewest(Paging.of("0", "2")));
        List<String> second = userIds(accounts.findNewest(Paging.of("1", "2")));
        List<String> last = userIds(accounts.findNewest(Paging.of("2", "2")));
        List<String> beyond = userIds(accounts.findNewest(Paging.of("3", "2")));

        // then
        assertThat(first).containsExactly("b", "d");
        assertThat(second).containsExactly("c", "a");
        assertThat(last).containsExactly("e");
        assertThat(beyond).isEmpty();
    }

    private BigDecimal deductInATransactionOfItsOwn(String points) {
        return transactions.execute(status -> {
            PointAccount account = accounts.findForUpdate(HOLDER).orElseThrow();
            account.deduct(new BigDecimal(points));
            accounts.update(account);
            return account.getPoint();
        });
    }

    private boolean aTransactionWaitsForALock() {
        return h2.jdbc().sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
                .query(Long.class).single() > 0;
    }

    private static PointAccount anAccount(String userId, long openedAt) {
        return new PointAccount(userId, new BigDecimal("1000"), openedAt);
    }

    private static List<String> userIds(List<PointAccount> page) {
        return page.stream().map(PointAccount::getUserId).toList();
    }
}
