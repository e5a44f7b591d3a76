package io.deadlinesaga.launcher.running;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition the launcher cannot be told of (a process ending, a port opening), looking every 100 ms. */
public final class Waiting {

    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private Waiting() {
    }

    /** True as soon as the condition holds; false once the timeout has passed without it. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            pause(LOOK_EVERY);
        }
        return true;
    }

    /** A pause, cut short (with the interrupt kept) when the thread is interrupted. */
    public static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
