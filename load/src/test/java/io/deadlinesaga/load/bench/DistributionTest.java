package io.deadlinesaga.load.bench;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest {

    @Test
    void givesThePercentilesOfTheLatencies() {
        // given: 1 to 1000 ms
        long[] millis = LongStream.rangeClosed(1, 1000).toArray();

        // when / then
        assertThat(Distribution.of(millis).latency()).isEqualTo(new BenchResults.LatencyMs(500, 990, 999, 1000));
        assertThat(Distribution.of(millis).lateness()).isEqualTo(new BenchResults.LatenessMs(1000, 500, 990, 1000));
    }

    @Test
    void isAllZerosWithoutValues() {
        assertThat(Distribution.of(new long[0]).latency()).isEqualTo(new BenchResults.LatencyMs(0, 0, 0, 0));
        assertThat(Distribution.of(new long[0]).lateness()).isEqualTo(new BenchResults.LatenessMs(0, 0, 0, 0));
    }

    @Test
    void countsAnEarlyFiringAsOnTime() {
        assertThat(Distribution.of(new long[] {-2, 4}).lateness()).isEqualTo(new BenchResults.LatenessMs(2, 0, 4, 4));
    }
}
