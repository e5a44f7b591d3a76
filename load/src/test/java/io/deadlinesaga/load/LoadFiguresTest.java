package io.deadlinesaga.load;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadFiguresTest {

    private static LoadResult result(LoadOptions options, long sendMillis, long settledMillis, List<OrderFacts> orders,
            List<Violation> violations) {
        return new LoadResult(options, 10, AnOrder.CREATED - 10, sendMillis, settledMillis, orders,
                new CheckResult(violations, 0, Map.of()), List.of(), new long[] {7, 12}, 24, 7_200, 20, 0, 40, 80, 0,
                Map.of());
    }

    @Test
    void ratesAndLatencyCountThePromptOrdersOnlyDecidedCountsEvery() {
        // given: 3 ordinary orders and one decided by its deadline, sent over 2 s
        LoadOptions options = LoadOptions.parse(List.of("--orders", "4", "--mix", "ordinary=3,100=1"), Map.of(), 1);
        List<OrderFacts> orders = List.of(
                AnOrder.approved(1).build(),
                AnOrder.approved(2).decidedAfter(990).build(),
                AnOrder.approved(3).pending().build(),
                AnOrder.approved(4).kind(OrderKind.SLOW_EXCHANGE).rejectedBy("DEADLINE").decidedAfterDeadline(5).build());

        // when
        LoadFigures figures = LoadFigures.of(result(options, 2_000, 300, orders, List.of()));

        // then: 3 prompt orders in 2 s; 2 of them decided within 1 s of the first sent (10 ms before it was created)
        assertThat(figures.orders()).isEqualTo(4);
        assertThat(figures.sentPerSecond()).isCloseTo(1.5, within(1e-9));
        assertThat(figures.decidedPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(figures.decisionLatencyMs()).containsExactlyInAnyOrder(40, 990);
        assertThat(figures.decided()).isEqualTo(3);
        assertThat(figures.deadlineLatenessMs()).containsExactly(7, 12);
        assertThat(figures.settled()).isTrue();
        assertThat(figures.violations()).isEmpty();
        assertThat(figures.topicRecords()).isEqualTo(24);
        assertThat(figures.topicBytes()).isEqualTo(7_200);
    }

    @Test
    void tellsEachViolationAndAnUnsettledLoad() {
        // given
        LoadOptions options = LoadOptions.parse(List.of("--orders", "1", "--mix", "ordinary=1"), Map.of(), 1);
        OrderFacts order = AnOrder.approved(1).pending().build();
        Violation violation = Violation.of(order, "I5", "never decided");

        // when
        LoadFigures figures = LoadFigures.of(result(options, 0, -1, List.of(order), List.of(violation)));

        // then
        assertThat(figures.settled()).isFalse();
        assertThat(figures.violations()).containsExactly("order 1 (ordinary): I5 never decided");
        assertThat(figures.sentPerSecond()).isZero();
        assertThat(figures.decidedPerSecond()).isZero();
    }
}
