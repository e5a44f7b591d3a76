package io.deadlinesaga.point.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import io.deadlinesaga.messaging.testing.MigratedH2;
import io.deadlinesaga.messaging.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class JdbcLedgerRepositoryTest {

    private static final long ORDER_ID = 7;
    private static final String HOLDER = "jjy";
    private static final long NOW = 1_700_000_000_000L;

    private final JdbcLedgerRepository ledger = new JdbcLedgerRepository(MigratedH2.of("point").jdbc());

    @Test
    void readsBackEveryFieldOfAnEntry() {
        // given
        LedgerEntry deduction = new LedgerEntry(ORDER_ID, HOLDER, EntryType.DEDUCTION, new BigDecimal("300.5"),
                new BigDecimal("699.5"), NOW);
        ledger.insert(deduction);

        // when
        LedgerEntry found = ledger.findByOrderIdAndType(ORDER_ID, EntryType.DEDUCTION).orElseThrow();

        // then
        assertThat(found.getId()).isEqualTo(deduction.getId()).isNotNull();
        assertThat(found.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(found.getUserId()).isEqualTo(HOLDER);
        assertThat(found.getType()).isEqualTo(EntryType.DEDUCTION);
        assertThat(found.getPoint()).isEqualByComparingTo("300.5");
        assertThat(found.getBalanceAfter()).isEqualByComparingTo("699.5");
        assertThat(found.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void readsBackAnEmptyRefund() {
        // given
        ledger.insert(new LedgerEntry(ORDER_ID, HOLDER, EntryType.REFUND, BigDecimal.ZERO, BigDecimal.ZERO, NOW));

        // when
        LedgerEntry found = ledger.findByOrderIdAndType(ORDER_ID, EntryType.REFUND).orElseThrow();

        // then
        assertThat(found.getType()).isEqualTo(EntryType.REFUND);
        assertThat(found.getPoint()).isZero();
        assertThat(found.getBalanceAfter()).isZero();
    }

    @Test
    void givesEachInsertedEntryANewId() {
        // given
        LedgerEntry first = anEntry(ORDER_ID, EntryType.DEDUCTION, HOLDER);
        LedgerEntry second = anEntry(ORDER_ID, EntryType.REFUND, HOLDER);

        // when
        ledger.insert(first);
        ledger.insert(second);

        // then
        assertThat(first.getId()).isNotNull();
        assertThat(second.getId()).isGreaterThan(first.getId());
    }

    @Test
    void findsAnEntryOnlyOfItsOrderAndType() {
        // given
        ledger.insert(anEntry(ORDER_ID, EntryType.DEDUCTION, HOLDER));
        ledger.insert(anEntry(ORDER_ID + 1, EntryType.REFUND, HOLDER));

        // when / then
        assertThat(ledger.existsByOrderIdAndType(ORDER_ID, EntryType.DEDUCTION)).isTrue();
        assertThat(ledger.existsByOrderIdAndType(ORDER_ID, EntryType.REFUND)).isFalse();
        assertThat(ledger.findByOrderIdAndType(ORDER_ID, EntryType.REFUND)).isEmpty();
        assertThat(ledger.existsByOrderIdAndType(ORDER_ID + 1, EntryType.DEDUCTION)).isFalse();
        assertThat(ledger.findByOrderIdAndType(ORDER_ID + 1, EntryType.REFUND)).isPresent();
    }

    @Test
    void refusesASecondEntryOfTheSameOrderAndType() {
        // given
        ledger.insert(anEntry(ORDER_ID, EntryType.REFUND, HOLDER));

        // when
        Throwable second = catchThrowable(() -> ledger.insert(new LedgerEntry(ORDER_ID, "other", EntryType.REFUND,
                BigDecimal.TEN, BigDecimal.TEN, NOW + 1)));

        // then: never refunded twice; the first entry stands
        assertThat(second).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger.findByOrderIdAndType(ORDER_ID, EntryType.REFUND)).hasValueSatisfying(
                refund -> assertThat(refund.getUserId()).isEqualTo(HOLDER));
    }

    @Test
    void listsThePagesOfAllEntriesNewestFirst() {
        // given
        List<Long> ids = insertEntries(1, 5, HOLDER);

        // when
        List<Long> first = ids(ledger.findNewest(Paging.of("0", "2")));
        List<Long> second = ids(ledger.findNewest(Paging.of("1", "2")));
        List<Long> last = ids(ledger.findNewest(Paging.of("2", "2")));
        List<Long> beyond = ids(ledger.findNewest(Paging.of("3", "2")));

        // then
        assertThat(first).containsExactly(ids.get(4), ids.get(3));
        assertThat(second).containsExactly(ids.get(2), ids.get(1));
        assertThat(last).containsExactly(ids.get(0));
        assertThat(beyond).isEmpty();
    }

    @Test
    void listsTheEntriesOfOneOrderNewestFirst() {
        // given
        LedgerEntry deduction = anEntry(ORDER_ID, EntryType.DEDUCTION, HOLDER);
        ledger.insert(deduction);
        ledger.insert(anEntry(ORDER_ID + 1, EntryType.DEDUCTION, HOLDER));
        LedgerEntry refund = anEntry(ORDER_ID, EntryType.REFUND, HOLDER);
        ledger.insert(refund);

        // when
        List<Long> all = ids(ledger.findNewestByOrderId(ORDER_ID, Paging.of("0", "5")));
        List<Long> secondPage = ids(ledger.findNewestByOrderId(ORDER_ID, Paging.of("1", "1")));

        // then
        assertThat(all).containsExactly(refund.getId(), deduction.getId());
        assertThat(secondPage).containsExactly(deduction.getId());
    }

    @Test
    void listsTheEntriesOfOneHolderNewestFirst() {
        // given
        List<Long> mine = insertEntries(1, 3, HOLDER);
        insertEntries(4, 2, "other");

        // when
        List<Long> all = ids(ledger.findNewestByUserId(HOLDER, Paging.of("0", "5")));
        List<Long> firstPage = ids(ledger.findNewestByUserId(HOLDER, Paging.of("0", "2")));

        // then
        assertThat(all).containsExactly(mine.get(2), mine.get(1), mine.get(0));
        assertThat(firstPage).containsExactly(mine.get(2), mine.get(1));
    }

    /** A deduction of the holder for each of {@code count} orders from {@code firstOrder}; their ids, in order. */
    private List<Long> insertEntries(long firstOrder, int count, String userId) {
        return LongStream.range(firstOrder, firstOrder + count).mapToObj(orderId -> {
            LedgerEntry entry = anEntry(orderId, EntryType.DEDUCTION, userId);
            ledger.insert(entry);
            return entry.getId();
        }).toList();
    }

    private static LedgerEntry anEntry(long orderId, EntryType type, String userId) {
        return new LedgerEntry(orderId, userId, type, new BigDecimal("300"), new BigDecimal("700"), NOW);
    }

    private static List<Long> ids(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::getId).toList();
    }
}
