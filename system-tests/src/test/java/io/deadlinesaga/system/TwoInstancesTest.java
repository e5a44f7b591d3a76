package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each saga service, each pair sharing its database and consumer group (on H2 in one JVM, and
 * on PostgreSQL in the suite's second run): the topic's partitions are split between them, each order is still
 * decided once with its events in saga order, and an instance that stops mid-saga loses nothing.
 */
class TwoInstancesTest {

    private static final List<String> SERVICES = List.of("order", "exchange", "point", "deadline");
    /** a rebalance of every group can come on top of the deadline */
    private static final Duration SETTLES = SagaSystem.DEADLINE.plusSeconds(30);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @BeforeEach
    void startASecondInstanceOfEachService() {
        SERVICES.forEach(service -> system.startSecondInstance(service, service + "-2"));
    }

    /**
     * Stops them, then waits until an order goes all the way through on time again: every group has settled on
     * one instance before the next test places orders with its short deadline.
     */
    @AfterEach
    void stopTheSecondInstances() {
        SERVICES.forEach(service -> system.stop(service + "-2"));
        String holder = SagaClient.newHolder("probe");
        saga.openAccount(holder, "1000");
        await().atMost(SETTLES.multipliedBy(3)).untilAsserted(() -> assertThat(
                saga.awaitSettled(saga.placeOrderId(holder, "1", "1"), SETTLES).path("status").asString())
                .isEqualTo("APPROVED"));
    }

    @Test
    void decidesEveryOrderOnceWithItsEventsInSagaOrder() {
        // given
        String holder = SagaClient.newHolder("two");
        saga.openAccount(holder, "1000");

        // when
        List<Long> orders = placeOrders(holder, 12);

        // then
        int approved = 0;
        for (long orderId : orders) {
            String status = saga.awaitSettled(orderId, SETTLES).path("status").asString();
            invariants.assertConsistent(orderId);
            if ("APPROVED".equals(status)) {
                approved++;
                assertThat(eventsOnce(orderId)).as("order %d", orderId)
                        .containsExactly("OrderCreated", "ExchangeSucceed", "PointUsed", "OrderPlaced");
            }
        }
        assertThat(saga.balance(holder)).isEqualByComparingTo(new BigDecimal(1000 - 10 * approved));
    }

    @Test
    void losesNothingWhenAnInstanceOfEachServiceStopsMidSaga() {
        // given
        String holder = SagaClient.newHolder("halt");
        saga.openAccount(holder, "1000");
        List<Long> orders = placeOrders(holder, 12);

        // when: one instance of each service stops while those orders are on their way
        SERVICES.forEach(service -> system.stop(service + "-2"));

        // then
        int approved = 0;
        for (long orderId : orders) {
            if ("APPROVED".equals(saga.awaitSettled(orderId, SETTLES).path("status").asString())) {
                approved++;
            }
            invariants.assertConsistent(orderId);
        }
        assertThat(saga.balance(holder)).isEqualByComparingTo(new BigDecimal(1000 - 10 * approved));
    }

    /**
     * The order's events in topic order, each eventId once: the other instance's relay may send a row again that
     * this one sent but had not yet marked (the same eventId, which every consumer drops).
     */
    private List<String> eventsOnce(long orderId) {
        Set<String> seen = new HashSet<>();
        return system.topic().eventsOf(orderId).stream()
                .filter(event -> seen.add(event.value().path("eventId").asString()))
                .map(TopicObserver.Seen::type).toList();
    }

    private List<Long> placeOrders(String holder, int count) {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(saga.placeOrderId(holder, "1", "10"));
        }
        return orders;
    }
}
