package io.deadlinesaga.exchange.rates;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeRatesTest {

    private final ExchangeRates rates = new ExchangeRates(BigDecimal.ONE, Map.of(2L, new BigDecimal("1.25")));

    @Test
    void usesTheDefaultRateForACurrencyWithoutItsOwn() {
        // when
        BigDecimal rate = rates.rateOf(1);

        // then
        assertThat(rate).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void usesTheRateOfACurrencyThatHasOne() {
        // when
        BigDecimal rate = rates.rateOf(2);

        // then
        assertThat(rate).isEqualTo(new BigDecimal("1.25"));
    }

    @Test
    void usesTheDefaultRateForEveryCurrencyWhenNoneHasItsOwn() {
        // given
        ExchangeRates onlyDefault = new ExchangeRates(new BigDecimal("2"), null);

        // when
        BigDecimal rate = onlyDefault.rateOf(2);

        // then
        assertThat(rate).isEqualTo(new BigDecimal("2"));
    }

    @Test
    void pointsAreTheAmountTimesTheRate() {
        // when
        BigDecimal points = ExchangeRates.points(new BigDecimal("500.25"), new BigDecimal("1.1"));

        // then
        assertThat(points).isEqualByComparingTo("550.275");
    }

    @Test
    void pointsAreExactDecimalsNeverDoubles() {
        // when (as doubles, 0.1 * 3 is 0.30000000000000004)
        BigDecimal points = ExchangeRates.points(new BigDecimal("0.1"), new BigDecimal("3"));

        // then
        assertThat(points.toPlainString()).isEqualTo("0.3");
    }

    @Test
    void pointsOfAWholeAmountAreWhole() {
        // when
        BigDecimal points = ExchangeRates.points(new BigDecimal("500"), BigDecimal.ONE);

        // then
        assertThat(points).isEqualByComparingTo("500");
        assertThat(points.toPlainString()).isEqualTo("500");
    }

    @Test
    void pointsAreRoundedHalfEvenToFourDecimals() {
        // when
        BigDecimal down = ExchangeRates.points(new BigDecimal("0.00125"), BigDecimal.ONE);
        BigDecimal up = ExchangeRates.points(new BigDecimal("0.00135"), BigDecimal.ONE);

        // then
        assertThat(down.toPlainString()).isEqualTo("0.0012");
        assertThat(up.toPlainString()).isEqualTo("0.0014");
    }
}
