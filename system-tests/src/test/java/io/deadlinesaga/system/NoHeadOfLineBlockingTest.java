package io.deadlinesaga.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN rule 7: a stalled order holds back no other order, not even one on its own partition. */
class NoHeadOfLineBlockingTest {

    private static final Duration NORMAL_SPEED = Duration.ofSeconds(2);

    private final SagaSystem system = SagaSystem.get();
    private final SagaClient saga = system.client();

    @Test
    void ordinaryOrdersCompleteAtNormalSpeedWhileAFault100OrderStalls() {
        // given
        String holder = SagaClient.newHolder("convoy");
        saga.openAccount(holder, "100000");
        long stalled = saga.placeOrderId(holder, "100", "10");
        int stalledPartition = partitionOf(stalled);

        // when
        Set<Integer> partitions = new HashSet<>();
        int approved = 0;
        while (approved < 3 || !partitions.contains(stalledPartition)) {
            long orderId = saga.placeOrderId(holder, "1", "10");
            assertThat(saga.awaitSettled(orderId, NORMAL_SPEED).get("status").asString()).isEqualTo("APPROVED");
            partitions.add(partitionOf(orderId));
            approved++;
            assertThat(approved).as("an ordinary order on the stalled order's partition within 30").isLessThan(30);
        }

        // then
        assertThat(saga.order(stalled).get("status").asString()).as("the fault-100 order is still stalled")
                .isEqualTo("PENDING");
        FaultInjectionTest.assertRejectedAtTheDeadline(saga.awaitSettled(stalled, SagaSystem.DEADLINE.plusSeconds(10)));
    }

    private int partitionOf(long orderId) {
        await().atMost(NORMAL_SPEED).until(() -> !system.topic().eventsOf(orderId).isEmpty());
        return system.topic().eventsOf(orderId).get(0).partition();
    }
}
