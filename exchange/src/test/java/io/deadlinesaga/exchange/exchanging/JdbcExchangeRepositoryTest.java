package io.deadlinesaga.exchange.exchanging;

import java.math.BigDecimal;
import java.util.List;

import io.deadlinesaga.messaging.testing.MigratedH2;
import io.deadlinesaga.messaging.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class JdbcExchangeRepositoryTest {

    private static final long ORDER_ID = 7;
    private static final String HOLDER = "jjy";
    private static final long EXCHANGED_AT = 1_700_000_000_000L;
    private static final long LATER = EXCHANGED_AT + 5_000;

    private final JdbcExchangeRepository exchanges = new JdbcExchangeRepository(MigratedH2.of("exchange").jdbc());

    @Test
    void readsBackEveryFieldOfAnExchange() {
        // given
        exchanges.insert(anExchange(ORDER_ID));

        // when
        Exchange found = exchanges.findById(ORDER_ID).orElseThrow();

        // then
        assertThat(found.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(found.getUserId()).isEqualTo(HOLDER);
        assertThat(found.getCurrencyId()).isEqualTo(2);
        assertThat(found.getAmount()).isEqualByComparingTo("500.25");
        assertThat(found.getRate()).isEqualByComparingTo("1.123456");
        assertThat(found.getPoint()).isEqualByComparingTo("562.0188");
        assertThat(found.getState()).isEqualTo(ExchangeState.EXCHANGED);
        assertThat(found.getUpdatedAt()).isEqualTo(EXCHANGED_AT);
        assertThat(found.inEffect()).isTrue();
    }

    @Test
    void readsBackARecordClosedBeforeExchange() {
        // given
        exchanges.insert(Exchange.closedBeforeExchange(ORDER_ID, HOLDER, EXCHANGED_AT));

        // when
        Exchange found = exchanges.findById(ORDER_ID).orElseThrow();

        // then
        assertThat(found.getState()).isEqualTo(ExchangeState.CLOSED);
        assertThat(found.getUserId()).isEqualTo(HOLDER);
        assertThat(found.getCurrencyId()).isZero();
        assertThat(found.getAmount()).isZero();
        assertThat(found.getRate()).isZero();
        assertThat(found.getPoint()).isZero();
        assertThat(found.getUpdatedAt()).isEqualTo(EXCHANGED_AT);
        assertThat(found.inEffect()).isFalse();
    }

    @Test
    void findsNoExchangeOfAnOrderWithoutOne() {
        // given
        exchanges.insert(anExchange(ORDER_ID));

        // when / then
        assertThat(exchanges.findById(ORDER_ID + 1)).isEmpty();
        assertThat(exchanges.existsById(ORDER_ID + 1)).isFalse();
    }

    @Test
    void knowsAnOrderHasAnExchange() {
        // given
        exchanges.insert(anExchange(ORDER_ID));

        // when / then
        assertThat(exchanges.existsById(ORDER_ID)).isTrue();
    }

    @Test
    void refusesASecondExchangeOfTheSameOrder() {
        // given
        exchanges.insert(anExchange(ORDER_ID));

        // when
        Throwable second = catchThrowable(
                () -> exchanges.insert(Exchange.closedBeforeExchange(ORDER_ID, "other", LATER)));

        // then: the order is the key; the first exchange stands
        assertThat(second).isInstanceOf(DataIntegrityViolationException.class);
        Exchange found = exchanges.findById(ORDER_ID).orElseThrow();
        assertThat(found.getState()).isEqualTo(ExchangeState.EXCHANGED);
        assertThat(found.getUserId()).isEqualTo(HOLDER);
    }

    @Test
    void writesTheStateAndTimeOfACompensatedExchange() {
        // given
        exchanges.insert(anExchange(ORDER_ID));
        Exchange exchange = exchanges.findById(ORDER_ID).orElseThrow();
        exchange.compensate(LATER);

        // when
        exchanges.update(exchange);

        // then
        Exchange found = exchanges.findById(ORDER_ID).orElseThrow();
        assertThat(found.getState()).isEqualTo(ExchangeState.COMPENSATED);
        assertThat(found.getUpdatedAt()).isEqualTo(LATER);
        assertThat(found.getUserId()).isEqualTo(HOLDER);
        assertThat(found.getCurrencyId()).isEqualTo(2);
        assertThat(found.getAmount()).isEqualByComparingTo("500.25");
        assertThat(found.getRate()).isEqualByComparingTo("1.123456");
        assertThat(found.getPoint()).isEqualByComparingTo("562.0188");
    }

    @Test
    void updatesOnlyItsOwnOrdersExchange() {
        // given
        exchanges.insert(anExchange(ORDER_ID));
        exchanges.insert(anExchange(ORDER_ID + 1));
        Exchange exchange = exchanges.findById(ORDER_ID).orElseThrow();
        exchange.compensate(LATER);

        // when
        exchanges.update(exchange);

        // then
        Exchange other = exchanges.findById(ORDER_ID + 1).orElseThrow();
        assertThat(other.getState()).isEqualTo(ExchangeState.EXCHANGED);
        assertThat(other.getUpdatedAt()).isEqualTo(EXCHANGED_AT);
    }

    @Test
    void refusesToUpdateAnExchangeThatIsNotStored() {
        // given
        Exchange neverStored = anExchange(ORDER_ID);
        neverStored.compensate(LATER);

        // when
        Throwable update = catchThrowable(() -> exchanges.update(neverStored));

        // then
        assertThat(update).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(exchanges.existsById(ORDER_ID)).isFalse();
    }

    @Test
    void listsThePagesOfTheNewestOrderFirst() {
        // given
        for (long orderId : new long[] {3, 1, 5, 2, 4}) {
            exchanges.insert(anExchange(orderId));
        }

        // when
        List<Long> first = orderIds(exchanges.findNewest(Paging.of("0", "2")));
        List<Long> second = orderIds(exchanges.findNewest(Paging.of("1", "2")));
        List<Long> last = orderIds(exchanges.findNewest(Paging.of("2", "2")));
        List<Long> beyond = orderIds(exchanges.findNewest(Paging.of("3", "2")));

        // then
        assertThat(first).containsExactly(5L, 4L);
        assertThat(second).containsExactly(3L, 2L);
        assertThat(last).containsExactly(1L);
        assertThat(beyond).isEmpty();
    }

    private static Exchange anExchange(long orderId) {
        return Exchange.exchanged(orderId, HOLDER, 2, new BigDecimal("500.25"), new BigDecimal("1.123456"),
                new BigDecimal("562.0188"), EXCHANGED_AT);
    }

    private static List<Long> orderIds(List<Exchange> exchanges) {
        return exchanges.stream().map(Exchange::getOrderId).toList();
    }
}
