package io.deadlinesaga.messaging.testing;

import io.deadlinesaga.messaging.event.OrderPlaced;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake outbox keeps the real one's rules, or the reactions' tests would prove nothing. */
class InMemoryOutboxTest {

    private final TestTransactions transactions = new TestTransactions();
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    @Test
    void keepsAnEventOnceItsTransactionCommits() {
        // given
        OrderPlaced placed = OrderPlaced.of(7, "jjy");

        // when
        transactions.run(() -> outbox.append(placed));

        // then
        assertThat(outbox.events()).containsExactly(placed);
    }

    @Test
    void dropsTheEventsOfATransactionThatRollsBack() {
        // when
        assertThatThrownBy(() -> transactions.run(() -> {
            outbox.append(OrderPlaced.of(7, "jjy"));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void refusesAnEventOutsideATransaction() {
        // when / then
        assertThatThrownBy(() -> outbox.append(OrderPlaced.of(7, "jjy")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void aTransactionStartedInsideAnotherJoinsIt() {
        // when
        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.run(() -> outbox.append(OrderPlaced.of(7, "jjy")));
            throw new IllegalStateException("the outer one rolls back");
        })).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(outbox.events()).isEmpty();
        assertThat(transactions.commits()).isZero();
    }
}
