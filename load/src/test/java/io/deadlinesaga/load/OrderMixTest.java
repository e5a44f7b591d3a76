package io.deadlinesaga.load;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderMixTest {

    @Test
    void defaultMixIsMostlyOrdinaryWithAFewOfEachFault() {
        // when
        Map<OrderKind, Integer> counts = OrderMix.DEFAULT.counts(200);

        // then
        assertThat(counts).containsEntry(OrderKind.ORDINARY, 168).containsEntry(OrderKind.OVER_LIMIT, 12)
                .containsEntry(OrderKind.SLOW_EXCHANGE, 2).containsEntry(OrderKind.STALLED_EXCHANGE, 2)
                .containsEntry(OrderKind.FAILING_EXCHANGE, 4).containsEntry(OrderKind.FLAKY_EXCHANGE, 4)
                .containsEntry(OrderKind.SLOW_POINT, 2).containsEntry(OrderKind.EARLY, 6);
    }

    @Test
    void countsAddUpToTheOrdersByLargestRemainder() {
        // when
        Map<OrderKind, Integer> counts = OrderMix.DEFAULT.counts(10);

        // then
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(counts).containsEntry(OrderKind.ORDINARY, 9).containsEntry(OrderKind.OVER_LIMIT, 1);
    }

    @Test
    void planHasTheMixCountsInARepeatableShuffledOrder() {
        // when
        List<OrderKind> plan = OrderMix.DEFAULT.plan(200, new Random(7));
        List<OrderKind> again = OrderMix.DEFAULT.plan(200, new Random(7));

        // then
        assertThat(plan).hasSize(200).isEqualTo(again);
        assertThat(plan.stream().filter(kind -> kind == OrderKind.EARLY)).hasSize(6);
        assertThat(plan.subList(0, 168)).as("shuffled, not grouped by kind").contains(OrderKind.OVER_LIMIT);
    }

    @Test
    void parsesWeightsAndLeavesOutTheKindsNotNamed() {
        // when
        OrderMix mix = OrderMix.parse("ordinary=9, 500=1");

        // then
        assertThat(mix.weight(OrderKind.ORDINARY)).isEqualTo(9);
        assertThat(mix.weight(OrderKind.SLOW_POINT)).isEqualTo(1);
        assertThat(mix.weight(OrderKind.EARLY)).isZero();
        assertThat(mix.counts(20)).containsEntry(OrderKind.ORDINARY, 18).containsEntry(OrderKind.SLOW_POINT, 2);
        assertThat(mix).hasToString("ordinary=9,500=1");
    }

    @Test
    void refusesAMixItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderMix.parse("ordinary=1,600=1"))
                .withMessageContaining("unknown kind '600'").withMessageContaining("over-limit");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderMix.parse("ordinary"))
                .withMessageContaining("not kind=weight");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderMix.parse("ordinary=-1"))
                .withMessageContaining("whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderMix.parse("ordinary=1,ordinary=2"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderMix.parse("ordinary=0"))
                .withMessageContaining("every weight is 0");
    }

    @Test
    void aWarmUpPlacesTheKindsDecidedByTheDeadlineFirstAndKeepsTheMix() {
        // given
        OrderMix mix = OrderMix.parse("ordinary=5,100=1,200=1,300=2,500=1,early=1");

        // when
        List<OrderKind> plan = mix.forWarmup().plan(110, new Random(7));

        // then
        assertThat(plan.subList(0, 30)).allMatch(kind -> kind.pace() == OrderKind.Pace.BY_DEADLINE);
        assertThat(plan.subList(30, 110)).noneMatch(kind -> kind.pace() == OrderKind.Pace.BY_DEADLINE);
        assertThat(plan).containsExactlyInAnyOrderElementsOf(mix.plan(110, new Random(7)));
        assertThat(mix.forWarmup().toString()).isEqualTo(mix.toString());
    }
}
