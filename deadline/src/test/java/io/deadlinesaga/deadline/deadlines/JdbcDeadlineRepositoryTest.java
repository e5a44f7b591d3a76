package io.deadlinesaga.deadline.deadlines;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.testing.MigratedH2;
import io.deadlinesaga.messaging.web.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class JdbcDeadlineRepositoryTest {

    private static final long ORDER_ID = 7;
    private static final long NOW = 1_700_000_000_000L;
    private static final long DUE = NOW + 10_000;

    private final MigratedH2 database = MigratedH2.of("deadline");
    private final JdbcClient jdbc = database.jdbc();
    private final TransactionTemplate transactions = database.transactions();
    private final JdbcDeadlineRepository deadlines = new JdbcDeadlineRepository(jdbc);
    /** lets the holder of a lock in another thread commit, whatever the test's outcome */
    private final CountDownLatch commit = new CountDownLatch(1);

    @AfterEach
    void letTheHolderCommit() {
        commit.countDown();
    }

    // insert and find

    @Test
    void findsAPendingDeadlineAsItWasInserted() {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));

        // when
        Deadline found = deadlines.findById(ORDER_ID).orElseThrow();

        // then
        assertThat(found.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(found.getDueAt()).isEqualTo(DUE);
        assertThat(found.getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(found.getCreatedAt()).isEqualTo(NOW);
        assertThat(found.getClosedAt()).isNull();
    }

    @Test
    void findsADeadlineCancelledBeforeRegistrationAsItWasInserted() {
        // given
        deadlines.insert(Deadline.cancelledBeforeRegistration(ORDER_ID, NOW));

        // when
        Deadline found = deadlines.findById(ORDER_ID).orElseThrow();

        // then
        assertThat(found.getDueAt()).isZero();
        assertThat(found.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(found.getCreatedAt()).isEqualTo(NOW);
        assertThat(found.getClosedAt()).isEqualTo(NOW);
    }

    @Test
    void findsNoDeadlineForAnotherOrder() {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));

        // when / then
        assertThat(deadlines.findById(ORDER_ID + 1)).isEmpty();
        assertThat(deadlines.existsById(ORDER_ID + 1)).isFalse();
        assertThat(deadlines.existsById(ORDER_ID)).isTrue();
    }

    @Test
    void refusesASecondDeadlineForTheSameOrder() {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));

        // when / then
        assertThatThrownBy(() -> deadlines.insert(Deadline.cancelledBeforeRegistration(ORDER_ID, NOW + 1)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(deadlines.findById(ORDER_ID).orElseThrow().getState()).isEqualTo(DeadlineState.PENDING);
    }

    // update

    @Test
    void storesTheFiringOfADeadline() {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));
        Deadline deadline = deadlines.findById(ORDER_ID).orElseThrow();
        deadline.fire(DUE + 3);

        // when
        deadlines.update(deadline);

        // then
        Deadline found = deadlines.findById(ORDER_ID).orElseThrow();
        assertThat(found.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(found.getClosedAt()).isEqualTo(DUE + 3);
        assertThat(found.getDueAt()).isEqualTo(DUE);
        assertThat(found.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void storesTheCancelOfADeadline() {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));
        Deadline deadline = deadlines.findById(ORDER_ID).orElseThrow();
        deadline.cancel(NOW + 40);

        // when
        deadlines.update(deadline);

        // then
        Deadline found = deadlines.findById(ORDER_ID).orElseThrow();
        assertThat(found.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(found.getClosedAt()).isEqualTo(NOW + 40);
    }

    @Test
    void failsToUpdateADeadlineWhoseRowIsGone() {
        // given
        Deadline deadline = Deadline.pending(ORDER_ID, DUE, NOW);
        deadline.fire(DUE);

        // when / then
        assertThatThrownBy(() -> deadlines.update(deadline)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    // lockPending

    @Test
    void locksOnlyAPendingDeadline() {
        // given
        deadlines.insert(Deadline.pending(1, DUE, NOW));
        deadlines.insert(fired(2));
        deadlines.insert(Deadline.cancelledBeforeRegistration(3, NOW));

        // when / then
        transactions.executeWithoutResult(status -> {
            assertThat(deadlines.lockPending(1)).hasValueSatisfying(deadline -> {
                assertThat(deadline.getOrderId()).isEqualTo(1);
                assertThat(deadline.getDueAt()).isEqualTo(DUE);
                assertThat(deadline.getState()).isEqualTo(DeadlineState.PENDING);
            });
            assertThat(deadlines.lockPending(2)).isEmpty();
            assertThat(deadlines.lockPending(3)).isEmpty();
            assertThat(deadlines.lockPending(4)).isEmpty();
        });
    }

    @Test
    void skipsAPendingDeadlineAnotherTransactionHoldsLocked() throws Exception {
        // given
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));
        CompletableFuture<Void> holder = holdLocked(ORDER_ID);

        // when
        Optional<Deadline> locked = transactions.execute(status -> deadlines.lockPending(ORDER_ID));

        // then
        assertThat(locked).isEmpty();
        commit.countDown();
        holder.get(10, TimeUnit.SECONDS);
        Optional<Deadline> lockedOnceReleased = transactions.execute(status -> deadlines.lockPending(ORDER_ID));
        assertThat(lockedOnceReleased).isPresent();
    }

    // lock

    @Test
    void locksADeadlineWhateverItsState() {
        // given
        deadlines.insert(fired(ORDER_ID));

        // when
        Optional<Deadline> locked = transactions.execute(status -> deadlines.lock(ORDER_ID));

        // then
        assertThat(locked).hasValueSatisfying(deadline -> {
            assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
            assertThat(deadline.getClosedAt()).isEqualTo(DUE);
        });
        Optional<Deadline> another = transactions.execute(status -> deadlines.lock(ORDER_ID + 1));
        assertThat(another).isEmpty();
    }

    @Test
    void waitsForAFiringAndReadsTheStateItCommitted() throws Exception {
        // given: a firing holds the deadline, FIRED written but not committed
        deadlines.insert(Deadline.pending(ORDER_ID, DUE, NOW));
        CountDownLatch firing = new CountDownLatch(1);
        CompletableFuture<Void> fired = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            Deadline deadline = deadlines.lockPending(ORDER_ID).orElseThrow();
            deadline.fire(DUE);
            deadlines.update(deadline);
            firing.countDown();
            awaitLatch(commit);
        }));
        assertThat(firing.await(10, TimeUnit.SECONDS)).isTrue();

        // when: a cancel locks it meanwhile
        CompletableFuture<Optional<Deadline>> cancel = CompletableFuture.supplyAsync(
                () -> transactions.execute(status -> deadlines.lock(ORDER_ID)));
        await().atMost(Duration.ofSeconds(10)).until(() -> blockedSessions() > 0);
        assertThat(cancel).isNotDone();
        commit.countDown();
        fired.get(10, TimeUnit.SECONDS);

        // then
        assertThat(cancel.get(10, TimeUnit.SECONDS)).hasValueSatisfying(deadline -> {
            assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
            assertThat(deadline.getClosedAt()).isEqualTo(DUE);
        });
    }

    // findPendingDueBefore

    @Test
    void findsThePendingDeadlinesDueByTheGivenTimeEarliestFirst() {
        // given
        deadlines.insert(Deadline.pending(1, DUE + 2, NOW));
        deadlines.insert(Deadline.pending(2, DUE, NOW));
        deadlines.insert(Deadline.pending(3, DUE + 1, NOW));
        deadlines.insert(Deadline.pending(4, DUE + 3, NOW));
        deadlines.insert(fired(5));
        deadlines.insert(Deadline.cancelledBeforeRegistration(6, NOW));

        // when
        List<DeadlineRepository.Due> due = deadlines.findPendingDueBefore(DUE + 2);

        // then
        assertThat(due).containsExactly(new DeadlineRepository.Due(2, DUE), new DeadlineRepository.Due(3, DUE + 1),
                new DeadlineRepository.Due(1, DUE + 2));
    }

    // findNewest

    @Test
    void listsAPageOfTheNewestOrdersFirst() {
        // given
        for (long orderId : new long[] {3, 5, 1, 4, 2}) {
            deadlines.insert(Deadline.pending(orderId, DUE - orderId, NOW));
        }

        // when
        List<Deadline> first = deadlines.findNewest(Paging.of("0", "2"));
        List<Deadline> second = deadlines.findNewest(Paging.of("1", "2"));
        List<Deadline> last = deadlines.findNewest(Paging.of("2", "2"));
        List<Deadline> beyond = deadlines.findNewest(Paging.of("3", "2"));

        // then
        assertThat(first).extracting(Deadline::getOrderId).containsExactly(5L, 4L);
        assertThat(second).extracting(Deadline::getOrderId).containsExactly(3L, 2L);
        assertThat(last).singleElement().satisfies(deadline -> {
            assertThat(deadline.getOrderId()).isEqualTo(1L);
            assertThat(deadline.getDueAt()).isEqualTo(DUE - 1);
            assertThat(deadline.getState()).isEqualTo(DeadlineState.PENDING);
            assertThat(deadline.getCreatedAt()).isEqualTo(NOW);
            assertThat(deadline.getClosedAt()).isNull();
        });
        assertThat(beyond).isEmpty();
    }

    private static Deadline fired(long orderId) {
        Deadline deadline = Deadline.pending(orderId, DUE, NOW);
        deadline.fire(DUE);
        return deadline;
    }

    /** Locks the deadline in a transaction of another thread, and holds it until {@link #commit}. */
    private CompletableFuture<Void> holdLocked(long orderId) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            assertThat(deadlines.lock(orderId)).isPresent();
            locked.countDown();
            awaitLatch(commit);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private int blockedSessions() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")
                .query(Integer.class).single();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
