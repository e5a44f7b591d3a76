package io.deadlinesaga.order.placing;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import io.deadlinesaga.messaging.testing.MigratedH2;
import io.deadlinesaga.messaging.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcOrderRepositoryTest {

    private static final long CREATED = 1_700_000_000_000L;
    private static final long DEADLINE = CREATED + 10_000;

    private final MigratedH2 database = MigratedH2.of("order");
    private final TransactionTemplate transactions = database.transactions();
    private final JdbcOrderRepository orders = new JdbcOrderRepository(database.jdbc());

    // insert and find

    @Test
    void findsAPlacedOrderAsItWasInserted() {
        // given
        Order placed = orders.insert(aPendingOrder("jjy", null));

        // when
        Order found = orders.findById(placed.getId()).orElseThrow();

        // then
        assertThat(found.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(found.getReason()).isNull();
        assertThat(found.getDetail()).isNull();
        assertThat(found.getExchangedAt()).isNull();
        assertThat(found.getDecidedAt()).isNull();
        assertThat(found.getCompensatedAt()).isNull();
        assertThat(found.getIdempotencyKey()).isNull();
        assertSameOrder(found, placed);
    }

    @Test
    void findsEveryColumnOfAnOrderInsertedWithAllOfThemSet() {
        // given
        Order order = aPendingOrder("jjy", "key-1");
        order.exchanged(CREATED + 10);
        order.reject(RejectionReason.POINT_LIMIT, "jjy has fewer points than the order needs", CREATED + 20);
        order.compensated(CREATED + 30);
        orders.insert(order);

        // when
        Order found = orders.findById(order.getId()).orElseThrow();

        // then
        assertThat(found.getHolderId()).isEqualTo("jjy");
        assertThat(found.getCurrencyId()).isEqualTo(3);
        assertThat(found.getAmount()).isEqualByComparingTo("500.2575");
        assertThat(found.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(found.getReason()).isEqualTo(RejectionReason.POINT_LIMIT);
        assertThat(found.getDetail()).isEqualTo("jjy has fewer points than the order needs");
        assertThat(found.getExchangedAt()).isEqualTo(CREATED + 10);
        assertThat(found.getDeadline()).isEqualTo(DEADLINE);
        assertThat(found.getCreatedAt()).isEqualTo(CREATED);
        assertThat(found.getIdempotencyKey()).isEqualTo("key-1");
        assertThat(found.getDecidedAt()).isEqualTo(CREATED + 20);
        assertThat(found.getCompensatedAt()).isEqualTo(CREATED + 30);
        assertSameOrder(found, order);
    }

    @Test
    void givesEveryInsertedOrderANewId() {
        // when
        Order first = orders.insert(aPendingOrder("jjy", null));
        Order second = orders.insert(aPendingOrder("jjy", null));

        // then
        assertThat(first.getId()).isNotNull();
        assertThat(second.getId()).isGreaterThan(first.getId());
        assertThat(orders.findById(second.getId()).orElseThrow().getId()).isEqualTo(second.getId());
    }

    @Test
    void findsNoOrderForAnUnknownId() {
        // given
        Order placed = orders.insert(aPendingOrder("jjy", null));

        // when / then
        assertThat(orders.findById(placed.getId() + 1)).isEmpty();
    }

    // update

    @Test
    void storesEveryChangeOfARejectedAndCompensatedOrder() {
        // given
        Order order = orders.insert(aPendingOrder("jjy", "key-1"));
        order.exchanged(CREATED + 10);
        order.reject(RejectionReason.DEADLINE, "not decided within the deadline", CREATED + 20);
        order.compensated(CREATED + 30);

        // when
        orders.update(order);

        // then
        Order found = orders.findById(order.getId()).orElseThrow();
        assertThat(found.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(found.getReason()).isEqualTo(RejectionReason.DEADLINE);
        assertThat(found.getDetail()).isEqualTo("not decided within the deadline");
        assertThat(found.getExchangedAt()).isEqualTo(CREATED + 10);
        assertThat(found.getDecidedAt()).isEqualTo(CREATED + 20);
        assertThat(found.getCompensatedAt()).isEqualTo(CREATED + 30);
        assertSameOrder(found, order);
    }

    @Test
    void storesAnApprovalWithoutAReason() {
        // given
        Order order = orders.insert(aPendingOrder("jjy", null));
        order.approve(CREATED + 40);

        // when
        orders.update(order);

        // then
        Order found = orders.findById(order.getId()).orElseThrow();
        assertThat(found.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(found.getReason()).isNull();
        assertThat(found.getDecidedAt()).isEqualTo(CREATED + 40);
        assertSameOrder(found, order);
    }

    @Test
    void updatesOnlyTheOrderItIsGiven() {
        // given
        Order approved = orders.insert(aPendingOrder("jjy", null));
        Order other = orders.insert(aPendingOrder("kim", null));
        approved.approve(CREATED + 40);

        // when
        orders.update(approved);

        // then
        assertSameOrder(orders.findById(other.getId()).orElseThrow(), other);
    }

    @Test
    void failsToUpdateAnOrderThatIsNotStored() {
        // given
        Order stored = orders.insert(aPendingOrder("jjy", null));
        Order missing = Order.restore(stored.getId() + 1, "jjy", 3, BigDecimal.TEN, OrderStatus.APPROVED, null, null,
                null, DEADLINE, CREATED, null, CREATED + 1, null);

        // when / then
        assertThatThrownBy(() -> orders.update(missing)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    // the Idempotency-Key

    @Test
    void findsTheOrderThatHoldsAnIdempotencyKey() {
        // given
        orders.insert(aPendingOrder("jjy", "key-1"));
        Order holder = orders.insert(aPendingOrder("kim", "key-2"));

        // when
        Order found = orders.findByIdempotencyKey("key-2").orElseThrow();

        // then
        assertSameOrder(found, holder);
        assertThat(orders.findByIdempotencyKey("key-3")).isEmpty();
    }

    @Test
    void failsOnAReusedIdempotencyKeyAndKeepsTheEarlierOrderFindable() {
        // given
        Order earlier = transactions.execute(status -> orders.insert(aPendingOrder("jjy", "key-1")));

        // when
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> orders.insert(aPendingOrder("jjy", "key-1"))))
                .isInstanceOf(DataIntegrityViolationException.class);

        // then: found in a new transaction, as the controller answers a retry
        Order found = transactions.execute(status -> orders.findByIdempotencyKey("key-1").orElseThrow());
        assertSameOrder(found, earlier);
        assertThat(orders.findById(earlier.getId() + 1)).isEmpty();
    }

    @Test
    void placesAnyNumberOfOrdersWithoutAnIdempotencyKey() {
        // when
        orders.insert(aPendingOrder("jjy", null));
        orders.insert(aPendingOrder("jjy", null));

        // then
        assertThat(orders.findNewest(new Paging(0, 10))).hasSize(2);
    }

    // pages

    @Test
    void listsThePagesNewestFirst() {
        // given
        List<Long> ids = placeOrders(5);

        // when
        List<Order> first = orders.findNewest(Paging.of("0", "2"));
        List<Order> second = orders.findNewest(Paging.of("1", "2"));
        List<Order> last = orders.findNewest(Paging.of("2", "2"));

        // then
        assertThat(first).extracting(Order::getId).containsExactly(ids.get(4), ids.get(3));
        assertThat(second).extracting(Order::getId).containsExactly(ids.get(2), ids.get(1));
        assertThat(last).extracting(Order::getId).containsExactly(ids.get(0));
    }

    @Test
    void listsNothingBeyondTheLastPage() {
        // given
        placeOrders(2);

        // when / then
        assertThat(orders.findNewest(Paging.of("1", "2"))).isEmpty();
    }

    private List<Long> placeOrders(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> orders.insert(aPendingOrder("jjy", null)).getId())
                .toList();
    }

    private static Order aPendingOrder(String holderId, String idempotencyKey) {
        return new Order(holderId, 3, new BigDecimal("500.2575"), CREATED, DEADLINE, idempotencyKey);
    }

    private static void assertSameOrder(Order actual, Order expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }
}
