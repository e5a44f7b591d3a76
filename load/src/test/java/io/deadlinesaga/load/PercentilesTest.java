package io.deadlinesaga.load;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PercentilesTest {

    @Test
    void takesTheNearestRank() {
        // given
        Percentiles percentiles = Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        // then
        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(95)).isEqualTo(95);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(99.9)).isEqualTo(100);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void roundsTheRankUpOnFewValues() {
        // given
        Percentiles percentiles = Percentiles.of(new long[] {30, 10, 20});

        // then
        assertThat(percentiles.at(50)).isEqualTo(20);
        assertThat(percentiles.at(99)).isEqualTo(30);
        assertThat(percentiles.at(1)).isEqualTo(10);
    }

    @Test
    void describesItselfInMilliseconds() {
        // given
        Percentiles percentiles = Percentiles.of(new long[] {5, 1, 3, 2, 4});

        // then
        assertThat(percentiles.describe(50, 99)).isEqualTo("n=5  p50 3 ms  p99 5 ms  max 5 ms");
    }

    @Test
    void hasNoValueWhenEmpty() {
        // given
        Percentiles none = Percentiles.of(new long[0]);

        // then
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.describe(50, 99)).isEqualTo("n=0");
        assertThatIllegalStateException().isThrownBy(() -> none.at(50));
    }

    @Test
    void refusesAPercentileOutsideZeroToHundred() {
        Percentiles percentiles = Percentiles.of(new long[] {1});
        assertThatIllegalArgumentException().isThrownBy(() -> percentiles.at(0));
        assertThatIllegalArgumentException().isThrownBy(() -> percentiles.at(101));
    }
}
