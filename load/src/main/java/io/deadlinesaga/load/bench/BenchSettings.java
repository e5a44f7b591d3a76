package io.deadlinesaga.load.bench;

import java.util.ArrayList;
import java.util.List;

import io.deadlinesaga.load.WholeNumbers;

/**
 * What {@code ./saga bench} is asked to measure, every value checked before anything starts, so that a typo
 * does not cost the minutes of bringing the system up first.
 *
 * @param coldRate orders per second of the cold step, right after the start, with no warm-up
 * @param rates orders per second of the warm steps, in the order they run
 * @param stepSeconds how long each step sends its orders: a step places rate × seconds orders
 * @param pendingDeadlines deadlines kept pending during the deadline step
 * @param deadlineProbes deadlines that come due during the deadline step, to time their firing
 * @param raw whether to measure plain Kafka on the same broker, as a reference
 * @param deadlines whether to run the deadline step
 */
public record BenchSettings(int coldRate, List<Integer> rates, int stepSeconds, int pendingDeadlines,
        int deadlineProbes, boolean raw, boolean deadlines) {

    /** What one load places at most (the load driver's own limit). */
    static final int MAX_ORDERS_PER_STEP = 1_000_000;
    static final int MAX_RATE = 100_000;
    static final int MIN_STEP_SECONDS = 5;
    static final int MAX_STEP_SECONDS = 3_600;
    /** the deadline step's synthetic orders of one run are numbered in a block of this many */
    static final int MAX_SYNTHETIC_ORDERS = 10_000_000;
    static final int MAX_PROBES = 100_000;

    /** A value that cannot be measured with, with what is expected, in words for the command line. */
    public static final class BadSettingException extends IllegalArgumentException {

        BadSettingException(String message) {
            super(message);
        }
    }

    public BenchSettings {
        rates = List.copyOf(rates);
    }

    /**
     * Reads the options as the user typed them.
     *
     * @throws BadSettingException on the first bad value
     */
    public static BenchSettings parse(String coldRate, String rates, String stepSeconds, String pendingDeadlines,
            String deadlineProbes, boolean noRaw, boolean noDeadlines) {
        int seconds = wholeNumber("--step-seconds", stepSeconds, MIN_STEP_SECONDS, MAX_STEP_SECONDS);
        int cold = rate("--cold-rate", coldRate, seconds);
        List<Integer> warm = new ArrayList<>();
        if (rates.isBlank()) {
            throw new BadSettingException("--rates must name at least one rate, e.g. 50,100,200");
        }
        for (String rate : rates.split(",", -1)) {
            warm.add(rate("--rates", rate, seconds));
        }
        int pending = wholeNumber("--pending-deadlines", pendingDeadlines, 0, MAX_SYNTHETIC_ORDERS - MAX_PROBES);
        int probes = wholeNumber("--deadline-probes", deadlineProbes, 0, MAX_PROBES);
        return new BenchSettings(cold, warm, seconds, pending, probes, !noRaw, !noDeadlines);
    }

    /** The orders a step at this rate places. */
    public int orders(int rate) {
        return rate * stepSeconds;
    }

    private static int rate(String name, String value, int seconds) {
        int rate = wholeNumber(name, value, 1, MAX_RATE);
        if ((long) rate * seconds > MAX_ORDERS_PER_STEP) {
            throw new BadSettingException(name + " " + rate + " for " + seconds + " s would place " + (long) rate * seconds
                    + " orders in one step; at most " + MAX_ORDERS_PER_STEP);
        }
        return rate;
    }

    private static int wholeNumber(String name, String value, int min, int max) {
        return WholeNumbers.parse(name, value, min, max, BadSettingException::new);
    }
}
