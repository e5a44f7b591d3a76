package io.deadlinesaga.load.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits for work the bench can count but not be told of (a service reading its events), saying every second
 * how much is left; gives up once the count has not gone down for a while, rather than at a fixed time, so that
 * a slow but moving service is waited for and a stuck one is not.
 */
final class Countdown {

    /** What is left to do, asked again every second. */
    interface Remaining {

        long get() throws InterruptedException;
    }

    private Countdown() {
    }

    /** @return true once nothing is left; false once it has not gone down for {@code stall} */
    static boolean await(String what, Remaining remaining, Duration stall, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        long fewest = Long.MAX_VALUE;
        long wentDownAt = start;
        while (true) {
            long left = remaining.get();
            long now = System.nanoTime();
            if (left == 0) {
                return true;
            }
            if (left < fewest) {
                fewest = left;
                wentDownAt = now;
            }
            else if (now - wentDownAt > stall.toNanos()) {
                return false;
            }
            out.printf("  [%4ds] %s: %d left%n", (now - start) / 1_000_000_000, what, left);
            out.flush();
            Thread.sleep(1_000);
        }
    }
}
