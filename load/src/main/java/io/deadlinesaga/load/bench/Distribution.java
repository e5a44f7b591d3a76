package io.deadlinesaga.load.bench;

import org.HdrHistogram.Histogram;

/**
 * Durations in ms, kept in an HdrHistogram (3 significant digits: exact up to 2 s, within 0.1 % above), for their
 * percentiles. A negative duration counts as 0: a deadline cannot fire before it is due, so such a value is two
 * clocks a millisecond apart.
 */
final class Distribution {

    private final Histogram histogram = new Histogram(3);

    static Distribution of(long[] millis) {
        Distribution distribution = new Distribution();
        for (long value : millis) {
            distribution.histogram.recordValue(Math.max(0, value));
        }
        return distribution;
    }

    BenchResults.LatencyMs latency() {
        return new BenchResults.LatencyMs(at(50), at(99), at(99.9), max());
    }

    BenchResults.LatenessMs lateness() {
        return new BenchResults.LatenessMs(histogram.getTotalCount(), at(50), at(99), max());
    }

    private long at(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    private long max() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue();
    }
}
