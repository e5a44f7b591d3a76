package io.deadlinesaga.point.accounts;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointAccountTest {

    @Test
    void deductsWhenTheBalanceCoversTheAmount() {
        // given
        PointAccount account = anAccountWith("10000");

        // when
        boolean deducted = account.deduct(new BigDecimal("500"));

        // then
        assertThat(deducted).isTrue();
        assertThat(account.getPoint()).isEqualByComparingTo("9500");
    }

    @Test
    void deductsWhenTheBalanceEqualsTheAmount() {
        // given
        PointAccount account = anAccountWith("500.25");

        // when
        boolean deducted = account.deduct(new BigDecimal("500.2500"));

        // then
        assertThat(deducted).isTrue();
        assertThat(account.getPoint()).isZero();
    }

    @Test
    void refusesMoreThanTheBalanceAndLeavesItUnchanged() {
        // given
        PointAccount account = anAccountWith("500");

        // when
        boolean deducted = account.deduct(new BigDecimal("500.0001"));

        // then
        assertThat(deducted).isFalse();
        assertThat(account.getPoint()).isEqualByComparingTo("500");
    }

    @Test
    void deductsDecimalsExactly() {
        // given (as doubles, 0.3 - 0.1 is 0.19999999999999998)
        PointAccount account = anAccountWith("0.3");

        // when
        account.deduct(new BigDecimal("0.1"));

        // then
        assertThat(account.getPoint()).isEqualByComparingTo("0.2");
    }

    @Test
    void refundAddsThePointsBack() {
        // given
        PointAccount account = anAccountWith("10000");
        account.deduct(new BigDecimal("550.275"));

        // when
        account.refund(new BigDecimal("550.275"));

        // then
        assertThat(account.getPoint()).isEqualByComparingTo("10000");
    }

    @Test
    void anEmptyRefundLeavesTheBalanceUnchanged() {
        // given
        PointAccount account = anAccountWith("10000");

        // when
        account.refund(BigDecimal.ZERO);

        // then
        assertThat(account.getPoint()).isEqualByComparingTo("10000");
    }

    @Test
    void opensWithAZeroBalance() {
        // when
        PointAccount account = anAccountWith("0");

        // then
        assertThat(account.getPoint()).isZero();
        assertThat(account.getUserId()).isEqualTo("jjy");
    }

    @Test
    void refusesANegativeOpeningBalance() {
        // when / then
        assertThatThrownBy(() -> anAccountWith("-0.0001")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PointAccount anAccountWith(String points) {
        return new PointAccount("jjy", new BigDecimal(points), 1_000);
    }
}
