package io.deadlinesaga.messaging.support;

import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.messaging.testing.TestTransactions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterCommitTest {

    private final TestTransactions transactions = new TestTransactions();
    private final List<String> done = new ArrayList<>();

    @Test
    void runsTheWorkOnlyOnceTheTransactionHasCommitted() {
        // given
        List<String> seenInside = new ArrayList<>();

        // when
        transactions.run(() -> {
            AfterCommit.run(() -> done.add("counted"));
            seenInside.addAll(done);
        });

        // then
        assertThat(seenInside).isEmpty();
        assertThat(done).containsExactly("counted");
    }

    @Test
    void neverRunsTheWorkOfATransactionThatRollsBack() {
        // when
        assertThatThrownBy(() -> transactions.run(() -> {
            AfterCommit.run(() -> done.add("counted"));
            throw new IllegalStateException("the handler failed");
        })).hasMessage("the handler failed");

        // then
        assertThat(done).isEmpty();
        assertThat(transactions.rollbacks()).isEqualTo(1);
    }

    @Test
    void refusesWorkWhenThereIsNoTransaction() {
        // when / then
        assertThatIllegalStateException().isThrownBy(() -> AfterCommit.run(() -> done.add("counted")))
                .withMessageContaining("needs a transaction");
        assertThat(done).isEmpty();
    }
}
