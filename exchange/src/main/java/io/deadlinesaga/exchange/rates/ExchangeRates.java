package io.deadlinesaga.exchange.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Points per unit of each currency ({@code saga.exchange.rates.<currencyId>}); a currency without its own
 * rate uses {@code default-rate}.
 */
@ConfigurationProperties("saga.exchange")
public record ExchangeRates(@DefaultValue("1") BigDecimal defaultRate, Map<Long, BigDecimal> rates) {

    public ExchangeRates {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }

    public BigDecimal rateOf(long currencyId) {
        return rates.getOrDefault(currencyId, defaultRate);
    }

    /** The points an amount is worth, to 4 decimals, rounded half-even. */
    public static BigDecimal points(BigDecimal amount, BigDecimal rate) {
        BigDecimal points = amount.multiply(rate).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return points.scale() < 0 ? points.setScale(0) : points;
    }
}
