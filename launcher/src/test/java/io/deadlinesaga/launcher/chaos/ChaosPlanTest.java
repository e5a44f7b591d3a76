package io.deadlinesaga.launcher.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.deadlinesaga.launcher.Instance;
import io.deadlinesaga.launcher.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosPlanTest {

    private static final List<Instance> TARGETS = List.of(Instance.only(Part.ORDER), Instance.only(Part.EXCHANGE), Instance.only(Part.POINT));

    @Test
    void killsEachServiceOnceBeforeAnyTwice() {
        // given
        ChaosPlan plan = new ChaosPlan(TARGETS, false, 60_000, new Random(7));

        // when
        List<Instance> killed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            killed.add(plan.next(i * 1_000L).service().orElseThrow());
        }

        // then
        assertThat(killed.subList(0, 3)).containsExactlyInAnyOrderElementsOf(TARGETS);
        assertThat(killed.subList(3, 6)).containsExactlyInAnyOrderElementsOf(TARGETS);
    }

    @Test
    void restartsKafkaOnceAtTheFirstActionOfTheSecondHalf() {
        // given
        ChaosPlan plan = new ChaosPlan(TARGETS, true, 60_000, new Random(7));

        // when
        boolean beforeHalf = plan.next(29_999).restartsKafka();
        boolean atHalf = plan.next(30_000).restartsKafka();
        boolean after = plan.next(40_000).restartsKafka();

        // then
        assertThat(beforeHalf).isFalse();
        assertThat(atHalf).isTrue();
        assertThat(after).isFalse();
    }

    @Test
    void neverRestartsKafkaWhenToldNotTo() {
        // given
        ChaosPlan plan = new ChaosPlan(TARGETS, false, 60_000, new Random(7));

        // when / then
        for (long at = 0; at < 60_000; at += 5_000) {
            assertThat(plan.next(at).restartsKafka()).isFalse();
        }
    }
}
