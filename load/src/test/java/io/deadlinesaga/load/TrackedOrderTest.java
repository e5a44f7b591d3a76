package io.deadlinesaga.load;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedOrderTest {

    private final TrackedOrder order = new TrackedOrder(0, OrderKind.ORDINARY, "u1", 1, BigDecimal.TEN, "key");

    private static OrderState seen(String status, String compensation) {
        return new OrderState(9, "u1", BigDecimal.TEN, status, null, null, compensation, 1,
                "PENDING".equals(status) ? null : 2L, 10_001);
    }

    @Test
    void isSettledWhenApprovedOrWhenRejectedAndCompensated() {
        // when
        order.placed(seen("PENDING", null));
        order.observe(seen("REJECTED", "PENDING"));

        // then
        assertThat(order.id()).isEqualTo(9);
        assertThat(order.isDecided()).isTrue();
        assertThat(order.isSettled()).isFalse();

        // when
        order.observe(seen("REJECTED", "COMPLETED"));

        // then
        assertThat(order.isSettled()).isTrue();
        assertThat(order.decisionsSeen()).containsExactly("REJECTED");
    }

    @Test
    void remembersADecisionThatChanged() {
        // when
        order.placed(seen("PENDING", null));
        order.observe(seen("REJECTED", "PENDING"));
        order.observe(seen("APPROVED", null));
        order.observe(seen("REJECTED", "COMPLETED"));

        // then
        assertThat(order.decisionsSeen()).containsExactly("REJECTED", "APPROVED");
    }

    @Test
    void isPolledEveryFiveSecondsWithoutNewsAndOneAtATime() {
        // given
        order.placed(seen("PENDING", null));
        long now = System.nanoTime();

        // then
        assertThat(order.claimPoll(now + 4_000_000_000L)).as("not due yet").isFalse();
        assertThat(order.claimPoll(now + 5_100_000_000L)).isTrue();
        assertThat(order.claimPoll(now + 5_100_000_000L)).as("one poll at a time").isFalse();

        // when
        order.polled();

        // then
        assertThat(order.claimPoll(System.nanoTime() + 4_000_000_000L)).isFalse();
        assertThat(order.claimPoll(System.nanoTime() + 5_100_000_000L)).isTrue();
    }
}
