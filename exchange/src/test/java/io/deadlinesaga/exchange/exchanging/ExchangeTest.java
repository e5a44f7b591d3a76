package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeTest {

    private static final long ORDER_ID = 7;
    private static final long EXCHANGED_AT = 1_000;
    private static final long LATER = 2_000;

    @Test
    void anExchangeIsInEffectOnceExchanged() {
        // when
        Exchange exchange = anExchange();

        // then
        assertThat(exchange.getState()).isEqualTo(ExchangeState.EXCHANGED);
        assertThat(exchange.inEffect()).isTrue();
    }

    @Test
    void keepsTheAmountRateAndPointsExactly() {
        // when
        Exchange exchange = anExchange();

        // then
        assertThat(exchange.getAmount()).isEqualTo(new BigDecimal("500.25"));
        assertThat(exchange.getRate()).isEqualTo(new BigDecimal("1.1"));
        assertThat(exchange.getPoint()).isEqualTo(new BigDecimal("550.275"));
    }

    @Test
    void compensatesAnExchangeInEffect() {
        // given
        Exchange exchange = anExchange();

        // when
        boolean compensated = exchange.compensate(LATER);

        // then
        assertThat(compensated).isTrue();
        assertThat(exchange.getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(exchange.inEffect()).isFalse();
        assertThat(exchange.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void compensatesOnlyOnce() {
        // given
        Exchange exchange = anExchange();
        exchange.compensate(LATER);

        // when
        boolean compensatedAgain = exchange.compensate(LATER + 1);

        // then
        assertThat(compensatedAgain).isFalse();
        assertThat(exchange.getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(exchange.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRecordClosedBeforeExchangeIsNeverInEffect() {
        // when
        Exchange closed = Exchange.closedBeforeExchange(ORDER_ID, "jjy", EXCHANGED_AT);

        // then
        assertThat(closed.getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(closed.inEffect()).isFalse();
        assertThat(closed.getPoint()).isZero();
        assertThat(closed.getOrderId()).isEqualTo(ORDER_ID);
    }

    @Test
    void neverCompensatesARecordClosedBeforeExchange() {
        // given
        Exchange closed = Exchange.closedBeforeExchange(ORDER_ID, "jjy", EXCHANGED_AT);

        // when
        boolean compensated = closed.compensate(LATER);

        // then
        assertThat(compensated).isFalse();
        assertThat(closed.getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(closed.inEffect()).isFalse();
        assertThat(closed.getUpdatedAt()).isEqualTo(EXCHANGED_AT);
    }

    private static Exchange anExchange() {
        return Exchange.exchanged(ORDER_ID, "jjy", 1, new BigDecimal("500.25"), new BigDecimal("1.1"),
                new BigDecimal("550.275"), EXCHANGED_AT);
    }
}
