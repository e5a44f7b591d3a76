package io.deadlinesaga.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.deadline.deadlines.Deadline;
import io.deadlinesaga.deadline.deadlines.DeadlineRepository;
import io.deadlinesaga.system.TopicObserver.Seen;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN rule 2: every deadline fires once, on time, after restarts and with several deadline instances. */
class DeadlineGuaranteesTest {

    private static final Logger log = LoggerFactory.getLogger(DeadlineGuaranteesTest.class);
    private static final Duration SETTLES = SagaSystem.DEADLINE.plusSeconds(15);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();
    private final Invariants invariants = new Invariants(system);

    @Test
    void firesAnOverdueDeadlineRightAfterTheDeadlineServiceRestarts() {
        // given: an order that only its deadline can decide (its holder has no account)
        long orderId = saga.placeOrderId(SagaClient.newHolder("restart"), "1", "10");
        await().atMost(SETTLES).until(() -> "PENDING".equals(saga.deadline(orderId).path("state").asString()));
        long due = saga.deadline(orderId).get("deadline").asLong();
        system.stop("deadline");
        await().atMost(SETTLES).until(() -> System.currentTimeMillis() > due + 500);
        assertThat(saga.order(orderId).get("status").asString()).isEqualTo("PENDING");

        // when
        system.start("deadline");
        long restarted = System.currentTimeMillis();

        // then
        await().atMost(SETTLES).until(() -> "REJECTED".equals(saga.order(orderId).get("status").asString()));
        assertThat(saga.order(orderId).get("decidedAt").asLong() - restarted).isLessThan(3000);
        assertThat(saga.order(orderId).get("reason").asString()).isEqualTo("DEADLINE");
        assertThat(saga.deadline(orderId).get("state").asString()).isEqualTo("FIRED");
        saga.awaitSettled(orderId, SETTLES);
        invariants.assertConsistentDecidedWhileTheDeadlineServiceWasDown(orderId);
    }

    @Test
    void rejectsAndRefundsAnOrderWhosePointsComeAfterItsDeadlineWhileTheDeadlineServiceIsStopped() {
        // given: no deadline service to fire, and point's step stalled past the deadline (fault 500)
        String holder = SagaClient.newHolder("own-deadline");
        saga.openAccount(holder, "10000");
        system.stop("deadline");
        try {
            // when
            long orderId = saga.placeOrderId(holder, "500", "700");

            // then: the late PointUsed meets an order whose own deadline has passed
            saga.awaitSettled(orderId, SagaSystem.POINT_STALL.plus(SETTLES));
            assertThat(saga.order(orderId).get("status").asString()).isEqualTo("REJECTED");
            assertThat(saga.order(orderId).get("reason").asString()).isEqualTo("DEADLINE");
            assertThat(saga.order(orderId).get("detail").asString()).contains("after it");
            assertThat(system.topic().typesOf(orderId)).containsSubsequence("PointUsed", "OrderRejected",
                    "ExchangeCompensated", "PointUseCompensated").doesNotContain("OrderPlaced", "DeadlineReached");
            assertThat(saga.balance(holder)).isEqualByComparingTo("10000");
            invariants.assertConsistentDecidedWhileTheDeadlineServiceWasDown(orderId);
        }
        finally {
            system.start("deadline");
        }
    }

    @Test
    void firesEachDeadlineOnceWithTwoDeadlineInstances() {
        // given
        system.startSecondInstance("deadline", "deadline-2");
        try {
            List<Long> orders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                orders.add(saga.placeOrderId(SagaClient.newHolder("twice"), "1", "10"));
            }

            // when
            for (long orderId : orders) {
                saga.awaitSettled(orderId, SETTLES);
            }

            // then
            LongSummaryStatistics lateness = new LongSummaryStatistics();
            for (long orderId : orders) {
                await().atMost(SETTLES).untilAsserted(() -> assertThat(system.topic().typesOf(orderId))
                        .contains("PointUseCompensated"));
                List<Seen> fired = system.topic().eventsOf(orderId).stream()
                        .filter(event -> "DeadlineReached".equals(event.type())).toList();
                assertThat(fired).as("DeadlineReached of order %d", orderId).hasSize(1);
                lateness.accept(fired.get(0).value().get("firedAt").asLong() - fired.get(0).value().get("deadline").asLong());
                invariants.assertConsistent(orderId);
            }
            log.info("deadline lateness over {} deadlines, two instances: min {} ms, mean {} ms, max {} ms",
                    lateness.getCount(), lateness.getMin(), Math.round(lateness.getAverage()), lateness.getMax());
            assertThat(lateness.getMax()).as("I1: decided within deadline + 1 s").isLessThan(1000);
        }
        finally {
            system.stop("deadline-2");
        }
    }

    @Test
    void neverCancelsADeadlineThatFiresMeanwhile() throws Exception {
        // given: a deadline (due in a minute) that a firing holds locked, with FIRED not yet committed
        long orderId = 997_000_000L + System.nanoTime() % 1_000_000;
        long due = System.currentTimeMillis() + 60_000;
        DeadlineRepository deadlines = system.bean("deadline", DeadlineRepository.class);
        TransactionTemplate transaction = new TransactionTemplate(system.bean("deadline", PlatformTransactionManager.class));
        transaction.executeWithoutResult(status -> deadlines.insert(Deadline.pending(orderId, due, due - 60_000)));
        CountDownLatch firing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> fired = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            Deadline deadline = deadlines.lockPending(orderId).orElseThrow();
            assertThat(deadline.fire(due)).isTrue();
            deadlines.update(deadline);
            firing.countDown();
            awaitLatch(commit);
        }));
        awaitLatch(firing);

        // when: the order's OrderPlaced comes, and its cancel waits for the firing's lock
        try (ForeignProducer producer = new ForeignProducer(system.bootstrapServers())) {
            producer.publish(Long.toString(orderId), "OrderPlaced", "{\"eventType\":\"OrderPlaced\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"orderId\":" + orderId + ",\"timestamp\":1,\"holderId\":\"h\"}");
        }
        JdbcTemplate database = system.database("deadline");
        await().atMost(SETTLES).until(() -> database.queryForObject(system.blockedSessionsQuery(), Integer.class) > 0);
        commit.countDown();
        fired.get(10, TimeUnit.SECONDS);

        // then: the cancel saw FIRED and changed nothing
        await().atMost(SETTLES).until(() -> database.queryForObject(
                "SELECT count(*) FROM inbox_event WHERE order_id = ? AND status = 'DONE'", Integer.class, orderId) == 1);
        assertThat(saga.deadline(orderId).get("state").asString()).isEqualTo("FIRED");
        // an order that never was: its deadline must not stand first in the newest-first list of other tests
        database.update("DELETE FROM deadline WHERE order_id = ?", orderId);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
