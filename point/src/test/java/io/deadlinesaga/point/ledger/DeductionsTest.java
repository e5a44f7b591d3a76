package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;

import io.deadlinesaga.messaging.event.PointUseFailed;
import io.deadlinesaga.messaging.event.PointUsed;
import io.deadlinesaga.point.accounts.PointAccount;
import org.junit.jupiter.api.Test;

import static io.deadlinesaga.point.ledger.PointFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class DeductionsTest {

    private static final long ORDER_ID = 7;

    private final PointFixture point = new PointFixture();
    private final PointAccount account = point.accounts.open("jjy", "500", NOW);

    @Test
    void deductsAndRecordsTheDeductionWithTheBalanceAfterIt() {
        // when
        point.transactions.run(() -> point.deductions.use(account, ORDER_ID, new BigDecimal("120.5")));

        // then
        assertThat(account.getPoint()).isEqualByComparingTo("379.5");
        assertThat(point.ledger.findByOrderIdAndType(ORDER_ID, EntryType.DEDUCTION)).hasValueSatisfying(entry -> {
            assertThat(entry.getBalanceAfter()).isEqualByComparingTo("379.5");
            assertThat(entry.getCreatedAt()).isEqualTo(NOW);
        });
        assertThat(point.outbox.events(PointUsed.class)).singleElement()
                .satisfies(used -> assertThat(used.balance()).isEqualByComparingTo("379.5"));
    }

    @Test
    void deductsAnOrderThatTakesTheWholeBalance() {
        // when
        point.transactions.run(() -> point.deductions.use(account, ORDER_ID, new BigDecimal("500")));

        // then
        assertThat(account.getPoint()).isZero();
        assertThat(point.outbox.eventTypes()).containsExactly("PointUsed");
    }

    @Test
    void refusesAnOrderTheBalanceDoesNotCoverAndRecordsNothing() {
        // when
        point.transactions.run(() -> point.deductions.use(account, ORDER_ID, new BigDecimal("500.0001")));

        // then
        assertThat(account.getPoint()).isEqualByComparingTo("500");
        assertThat(point.ledger.all()).isEmpty();
        assertThat(point.outbox.events(PointUseFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.userId()).isEqualTo("jjy");
            assertThat(failed.reason()).isEqualTo(PointReasons.INSUFFICIENT_POINTS);
        });
    }
}
