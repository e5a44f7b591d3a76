package io.deadlinesaga.deadline.deadlines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTest {

    private static final long ORDER_ID = 7;
    private static final long REGISTERED = 1_000;
    private static final long DUE = 11_000;

    @Test
    void isNotDueBeforeItsTime() {
        // given
        Deadline deadline = aPendingDeadline();

        // when / then
        assertThat(deadline.isDue(DUE - 1)).isFalse();
    }

    @Test
    void isDueFromItsTimeOnWhilePending() {
        // given
        Deadline deadline = aPendingDeadline();

        // when / then
        assertThat(deadline.isDue(DUE)).isTrue();
        assertThat(deadline.isDue(DUE + 60_000)).isTrue();
    }

    @Test
    void firesWhenDueAndPending() {
        // given
        Deadline deadline = aPendingDeadline();

        // when
        boolean fired = deadline.fire(DUE);

        // then
        assertThat(fired).isTrue();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE);
    }

    @Test
    void doesNotFireBeforeItIsDue() {
        // given
        Deadline deadline = aPendingDeadline();

        // when
        boolean fired = deadline.fire(DUE - 1);

        // then
        assertThat(fired).isFalse();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.PENDING);
        assertThat(deadline.getClosedAt()).isNull();
    }

    @Test
    void firesOnlyOnce() {
        // given
        Deadline deadline = aPendingDeadline();
        deadline.fire(DUE);

        // when
        boolean firedAgain = deadline.fire(DUE + 1);

        // then
        assertThat(firedAgain).isFalse();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE);
        assertThat(deadline.isDue(DUE + 1)).isFalse();
    }

    @Test
    void cancelsAPendingDeadline() {
        // given
        Deadline deadline = aPendingDeadline();

        // when
        boolean cancelled = deadline.cancel(DUE - 1);

        // then
        assertThat(cancelled).isTrue();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE - 1);
    }

    @Test
    void neverFiresAfterCancel() {
        // given
        Deadline deadline = aPendingDeadline();
        deadline.cancel(DUE - 1);

        // when
        boolean fired = deadline.fire(DUE);

        // then
        assertThat(fired).isFalse();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline.isDue(DUE)).isFalse();
    }

    @Test
    void cannotBeCancelledOnceFired() {
        // given
        Deadline deadline = aPendingDeadline();
        deadline.fire(DUE);

        // when
        boolean cancelled = deadline.cancel(DUE + 1);

        // then
        assertThat(cancelled).isFalse();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.FIRED);
        assertThat(deadline.getClosedAt()).isEqualTo(DUE);
    }

    @Test
    void cancelsOnlyOnce() {
        // given
        Deadline deadline = aPendingDeadline();
        deadline.cancel(DUE - 2);

        // when
        boolean cancelledAgain = deadline.cancel(DUE - 1);

        // then
        assertThat(cancelledAgain).isFalse();
        assertThat(deadline.getClosedAt()).isEqualTo(DUE - 2);
    }

    @Test
    void aDeadlineCancelledBeforeRegistrationNeverFires() {
        // given
        Deadline deadline = Deadline.cancelledBeforeRegistration(ORDER_ID, REGISTERED);

        // when
        boolean fired = deadline.fire(Long.MAX_VALUE);

        // then
        assertThat(fired).isFalse();
        assertThat(deadline.getState()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline.isDue(Long.MAX_VALUE)).isFalse();
        assertThat(deadline.getClosedAt()).isEqualTo(REGISTERED);
    }

    @Test
    void aDeadlineCancelledBeforeRegistrationCannotBeCancelledAgain() {
        // given
        Deadline deadline = Deadline.cancelledBeforeRegistration(ORDER_ID, REGISTERED);

        // when
        boolean cancelled = deadline.cancel(DUE);

        // then
        assertThat(cancelled).isFalse();
        assertThat(deadline.getClosedAt()).isEqualTo(REGISTERED);
    }

    private static Deadline aPendingDeadline() {
        return Deadline.pending(ORDER_ID, DUE, REGISTERED);
    }
}
