package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.deadlinesaga.messaging.testing.MigratedH2;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class JdbcPendingUseRepositoryTest {

    private static final long ORDER_ID = 7;
    private static final String NEWCOMER = "newcomer";
    private static final long NOW = 1_700_000_000_000L;

    private final MigratedH2 h2 = MigratedH2.of("point");
    private final JdbcPendingUseRepository pendingUses = new JdbcPendingUseRepository(h2.jdbc());
    private final TransactionTemplate transactions = h2.transactions();

    @Test
    void readsBackEveryFieldOfAWaitingOrder() {
        // given
        pendingUses.insert(new PendingUse(ORDER_ID, NEWCOMER, new BigDecimal("300.25"), NOW));

        // when
        PendingUse found = onlyWaitingOrderOf(NEWCOMER);

        // then: due for a first look at once
        assertThat(found.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(found.getUserId()).isEqualTo(NEWCOMER);
        assertThat(found.getPoint()).isEqualByComparingTo("300.25");
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.nextLookAt()).isEqualTo(NOW);
        assertThat(found.looks()).isZero();
        assertThat(found.isDue(NOW)).isTrue();
    }

    @Test
    void knowsWhichOrdersWait() {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));

        // when / then
        assertThat(pendingUses.existsById(ORDER_ID)).isTrue();
        assertThat(pendingUses.existsById(ORDER_ID + 1)).isFalse();
    }

    @Test
    void refusesASecondWaitOfTheSameOrder() {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));

        // when
        Throwable second = catchThrowable(() -> pendingUses.insert(aWaitingOrder(ORDER_ID, "other")));

        // then
        assertThat(second).isInstanceOf(DuplicateKeyException.class);
        assertThat(onlyWaitingOrderOf(NEWCOMER).getOrderId()).isEqualTo(ORDER_ID);
    }

    @Test
    void writesTheNextLookAndTheCountOfLooks() {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));
        PendingUse waiting = onlyWaitingOrderOf(NEWCOMER);
        waiting.lookAgainAfter(NOW + 10, Duration.ofMillis(400));
        waiting.lookAgainAfter(NOW + 20, Duration.ofMillis(800));

        // when
        pendingUses.update(waiting);

        // then
        PendingUse found = onlyWaitingOrderOf(NEWCOMER);
        assertThat(found.looks()).isEqualTo(2);
        assertThat(found.nextLookAt()).isEqualTo(NOW + 820);
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.getPoint()).isEqualByComparingTo("300");
    }

    @Test
    void refusesToUpdateAWaitingOrderThatIsNotStored() {
        // when
        Throwable update = catchThrowable(() -> pendingUses.update(aWaitingOrder(ORDER_ID, NEWCOMER)));

        // then
        assertThat(update).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(pendingUses.existsById(ORDER_ID)).isFalse();
    }

    @Test
    void deletesOnlyTheWaitingOrderGiven() {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));
        pendingUses.insert(aWaitingOrder(ORDER_ID + 1, NEWCOMER));

        // when
        pendingUses.delete(onlyWaitingOrderOf(NEWCOMER, ORDER_ID));

        // then
        assertThat(pendingUses.existsById(ORDER_ID)).isFalse();
        assertThat(pendingUses.existsById(ORDER_ID + 1)).isTrue();
    }

    @Test
    void refusesToDeleteAWaitingOrderThatIsNotStored() {
        // when
        Throwable delete = catchThrowable(() -> pendingUses.delete(aWaitingOrder(ORDER_ID, NEWCOMER)));

        // then
        assertThat(delete).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void dropsTheWaitOfAnOrderAndSaysWhetherThereWasOne() {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));
        pendingUses.insert(aWaitingOrder(ORDER_ID + 1, NEWCOMER));

        // when
        int dropped = pendingUses.dropFor(ORDER_ID);
        int droppedAgain = pendingUses.dropFor(ORDER_ID);

        // then
        assertThat(dropped).isEqualTo(1);
        assertThat(droppedAgain).isZero();
        assertThat(pendingUses.existsById(ORDER_ID)).isFalse();
        assertThat(pendingUses.existsById(ORDER_ID + 1)).isTrue();
    }

    @Test
    void locksTheWaitingOrdersOfOneHolderByOrder() {
        // given
        pendingUses.insert(aWaitingOrder(9, NEWCOMER));
        pendingUses.insert(aWaitingOrder(3, NEWCOMER));
        pendingUses.insert(aWaitingOrder(5, "other"));
        pendingUses.insert(aWaitingOrder(4, NEWCOMER));

        // when
        List<Long> locked = transactions.execute(status -> orderIds(pendingUses.lockAllOf(NEWCOMER)));

        // then
        assertThat(locked).containsExactly(3L, 4L, 9L);
    }

    @Test
    void keepsASecondLookWaitingUntilTheFirstCommitsSoNoOrderIsServedTwice() throws Exception {
        // given
        pendingUses.insert(aWaitingOrder(ORDER_ID, NEWCOMER));
        pendingUses.insert(aWaitingOrder(ORDER_ID + 1, NEWCOMER));
        AtomicReference<CompletableFuture<List<Long>>> second = new AtomicReference<>();

        // when: a second look locks the holder's orders while the first serves one of them
        transactions.executeWithoutResult(status -> {
            List<PendingUse> first = pendingUses.lockAllOf(NEWCOMER);
            second.set(CompletableFuture.supplyAsync(
                    () -> transactions.execute(other -> orderIds(pendingUses.lockAllOf(NEWCOMER)))));
            await().atMost(10, TimeUnit.SECONDS).until(this::aTransactionWaitsForALock);
            assertThat(second.get()).isNotDone();
            pendingUses.delete(first.get(0));
        });

        // then: the second finds only what the first left
        assertThat(second.get().get(10, TimeUnit.SECONDS)).containsExactly(ORDER_ID + 1);
    }

    @Test
    void findsTheHoldersDueTheLongestDueFirstEachOnce() {
        // given
        pendingUses.insert(waitingUntil(1, "late", NOW - 10));
        pendingUses.insert(waitingUntil(2, "early", NOW - 30));
        pendingUses.insert(waitingUntil(3, "late", NOW + 5));
        pendingUses.insert(waitingUntil(4, "middle", NOW - 20));
        pendingUses.insert(waitingUntil(5, "middle", NOW));
        pendingUses.insert(waitingUntil(6, "notYet", NOW + 1));

        // when
        List<String> due = pendingUses.findUsersDue(NOW, 10);

        // then
        assertThat(due).containsExactly("early", "middle", "late");
    }

    @Test
    void findsAtMostTheHoldersAsked() {
        // given
        pendingUses.insert(waitingUntil(1, "third", NOW - 10));
        pendingUses.insert(waitingUntil(2, "first", NOW - 30));
        pendingUses.insert(waitingUntil(3, "second", NOW - 20));

        // when
        List<String> due = pendingUses.findUsersDue(NOW, 2);

        // then
        assertThat(due).containsExactly("first", "second");
    }

    @Test
    void makesEveryWaitingOrderOfTheHolderDueNowAndNoOtherHolders() {
        // given
        pendingUses.insert(waitingUntil(ORDER_ID, NEWCOMER, NOW + 2_000));
        pendingUses.insert(waitingUntil(ORDER_ID + 1, NEWCOMER, NOW + 1_000));
        pendingUses.insert(waitingUntil(ORDER_ID + 2, "other", NOW + 2_000));

        // when
        int made = pendingUses.lookNowFor(NEWCOMER);

        // then
        assertThat(made).isEqualTo(2);
        List<PendingUse> holders = transactions.execute(status -> pendingUses.lockAllOf(NEWCOMER));
        assertThat(holders).allSatisfy(waiting -> assertThat(waiting.nextLookAt()).isZero());
        assertThat(onlyWaitingOrderOf("other").nextLookAt()).isEqualTo(NOW + 2_000);
        assertThat(pendingUses.findUsersDue(NOW, 10)).containsExactly(NEWCOMER);
    }

    @Test
    void makesNothingDueForAHolderWithoutWaitingOrders() {
        // when / then
        assertThat(pendingUses.lookNowFor(NEWCOMER)).isZero();
    }

    private boolean aTransactionWaitsForALock() {
        return h2.jdbc().sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
                .query(Long.class).single() > 0;
    }

    private PendingUse onlyWaitingOrderOf(String userId) {
        List<PendingUse> waiting = transactions.execute(status -> pendingUses.lockAllOf(userId));
        assertThat(waiting).hasSize(1);
        return waiting.get(0);
    }

    private PendingUse onlyWaitingOrderOf(String userId, long orderId) {
        return transactions.execute(status -> pendingUses.lockAllOf(userId)).stream()
                .filter(waiting -> waiting.getOrderId() == orderId).findFirst().orElseThrow();
    }

    /** A waiting order whose next look is due at {@code nextLookAt}. */
    private static PendingUse waitingUntil(long orderId, String userId, long nextLookAt) {
        return PendingUse.restore(orderId, userId, new BigDecimal("300"), NOW - 60_000, nextLookAt, 1);
    }

    private static PendingUse aWaitingOrder(long orderId, String userId) {
        return new PendingUse(orderId, userId, new BigDecimal("300"), NOW);
    }

    private static List<Long> orderIds(List<PendingUse> waiting) {
        return waiting.stream().map(PendingUse::getOrderId).toList();
    }
}
