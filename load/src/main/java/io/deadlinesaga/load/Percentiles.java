package io.deadlinesaga.load;

import java.util.Arrays;

/** Percentiles of a set of durations in milliseconds, by nearest rank (p50 of 1..100 is 50, p99 is 99). */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    int count() {
        return sorted.length;
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The smallest value that at least {@code percent}% of the values do not exceed.
     *
     * @throws IllegalStateException when there are no values
     */
    long at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + percent);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return at(100);
    }

    /** {@code n=… p50 … p95 … p99 … max …} with each value in ms, or {@code n=0}. */
    String describe(double... percents) {
        if (isEmpty()) {
            return "n=0";
        }
        StringBuilder line = new StringBuilder("n=").append(count());
        for (double percent : percents) {
            line.append("  p").append(percent % 1 == 0 ? String.valueOf((long) percent) : String.valueOf(percent))
                    .append(' ').append(at(percent)).append(" ms");
        }
        return line.append("  max ").append(max()).append(" ms").toString();
    }
}
