package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.deadlinesaga.messaging.persistence.AssignedIdEntity;

/** The one exchange of an order (the orderId is the key, so there is never a second one). */
@Entity
@Table(name = "exchange")
public class Exchange extends AssignedIdEntity<Long> {

    @Id
    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "user_id", nullable = false, length = 100)
    private String userId;

    @Column(name = "currency_id", nullable = false)
    private long currencyId;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal rate;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal point;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ExchangeState state;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Exchange() {
    }

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

    @Override
    public Long getId() {
        return orderId;
    }

    public Long getOrderId() {
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
