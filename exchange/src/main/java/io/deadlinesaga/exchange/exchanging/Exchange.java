package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;

/**
 * The one exchange of an order (the orderId is the key, so there is never a second one). Only its state and
 * time change once it is recorded.
 */
public class Exchange {

    private final long orderId;
    private final String userId;
    private final long currencyId;
    private final BigDecimal amount;
    private final BigDecimal rate;
    private final BigDecimal point;
    private ExchangeState state;
    private long updatedAt;

    private Exchange(long orderId, String userId, long currencyId, BigDecimal amount, BigDecimal rate,
            BigDecimal point, ExchangeState state, long now) {
        this.orderId = orderId;
        this.userId = userId;
        this.currencyId = currencyId;
        this.amount = amount;
        this.rate = rate;
        this.point = point;
        this.state = state;
        this.updatedAt = now;
    }

    public static Exchange exchanged(long orderId, String userId, long currencyId, BigDecimal amount,
            BigDecimal rate, BigDecimal point, long now) {
        return new Exchange(orderId, userId, currencyId, amount, rate, point, ExchangeState.EXCHANGED, now);
    }

    /** The record of an order rejected before its exchange: nothing to undo, and nothing may happen later. */
    public static Exchange closedBeforeExchange(long orderId, String userId, long now) {
        return new Exchange(orderId, userId, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                ExchangeState.CLOSED, now);
    }

    /** An exchange as its row stores it. */
    static Exchange restore(long orderId, String userId, long currencyId, BigDecimal amount, BigDecimal rate,
            BigDecimal point, ExchangeState state, long updatedAt) {
        return new Exchange(orderId, userId, currencyId, amount, rate, point, state, updatedAt);
    }

    /** Undoes the exchange if it is in effect; false, and nothing changes, otherwise. */
    public boolean compensate(long now) {
        if (state != ExchangeState.EXCHANGED) {
            return false;
        }
        state = ExchangeState.COMPENSATED;
        updatedAt = now;
        return true;
    }

    public boolean inEffect() {
        return state == ExchangeState.EXCHANGED;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getUserId() {
        return userId;
    }

    public long getCurrencyId() {
        return currencyId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public BigDecimal getPoint() {
        return point;
    }

    public ExchangeState getState() {
        return state;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }
}
