package io.deadlinesaga.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each saga service, each pair sharing its database and consumer group (on H2 in one JVM, and
 * on PostgreSQL in the suite's second run): the topic's partitions are split between them, each order is still
 * decided once with its events in saga order, no event reaches the topic twice (the two relays over one outbox
 * table never send the same row), and an instance that stops mid-saga loses nothing and sends nothing twice.
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
            assertThat(eventIdsOnTheTopic(orderId)).as("eventIds of order %d", orderId).doesNotHaveDuplicates();
            if ("APPROVED".equals(status)) {
                approved++;
                assertThat(system.topic().typesOf(orderId)).as("order %d", orderId)
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

        // when: one instance of each service stops while those orders are on their way (as on SIGTERM: its relay
        // sends and marks what it was handed before it ends, so the other's read of the table finds it sent)
        SERVICES.forEach(service -> system.stop(service + "-2"));

        // then
        int approved = 0;
        for (long orderId : orders) {
            if ("APPROVED".equals(saga.awaitSettled(orderId, SETTLES).path("status").asString())) {
                approved++;
            }
            invariants.assertConsistent(orderId);
            assertThat(eventIdsOnTheTopic(orderId)).as("eventIds of order %d", orderId).doesNotHaveDuplicates();
        }
        assertThat(saga.balance(holder)).isEqualByComparingTo(new BigDecimal(1000 - 10 * approved));
    }

    private List<String> eventIdsOnTheTopic(long orderId) {
        return system.topic().eventsOf(orderId).stream().map(event -> event.field("eventId")).toList();
    }

    private List<Long> placeOrders(String holder, int count) {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(saga.placeOrderId(holder, "1", "10"));
        }
        return orders;
    }
}
