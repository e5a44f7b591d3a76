package io.deadlinesaga.launcher.chaos;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.launcher.Instance;

/**
 * For a window of time, or until stopped, does the plan's next action every {@code every}, one at a time, each
 * finished (the part healthy again) before the next, with a moment of at least two seconds with every part up
 * between two actions: it never leaves a part down.
 */
final class ChaosMonkey implements Runnable {

    /** The least time with every part up between two actions. */
    static final Duration ALL_UP_AT_LEAST = Duration.ofSeconds(2);

    /** What an action does to the parts; each returns once the part is up again (or has failed to come up). */
    interface Hands {

        /** SIGKILL, then start it again. */
        void killAndStart(Instance service, long elapsedMillis);

        void restartKafka(long elapsedMillis);
    }

    private final ChaosPlan plan;
    private final Hands hands;
    private final Duration every;
    private final Duration window;
    private final Duration allUp;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long startedAt = System.nanoTime();

    ChaosMonkey(ChaosPlan plan, Hands hands, Duration every, Duration window) {
        this(plan, hands, every, window, ALL_UP_AT_LEAST);
    }

    ChaosMonkey(ChaosPlan plan, Hands hands, Duration every, Duration window, Duration allUp) {
        this.plan = plan;
        this.hands = hands;
        this.every = every;
        this.window = window;
        this.allUp = allUp;
    }

    /** Ends the monkey after the action it is doing, if any. */
    void stop() {
        stopped.countDown();
    }

    @Override
    public void run() {
        long next = every.toMillis();
        while (waitUntil(next) && elapsed() < window.toMillis()) {
            long actionStart = elapsed();
            ChaosPlan.Action action = plan.next(actionStart);
            if (action.restartsKafka()) {
                hands.restartKafka(actionStart);
            }
            else {
                hands.killAndStart(action.service().orElseThrow(), actionStart);
            }
            next = Math.max(actionStart + every.toMillis(), elapsed() + allUp.toMillis());
        }
    }

    /** Waits until {@code millis} after the start; false when stopped first. */
    private boolean waitUntil(long millis) {
        try {
            return !stopped.await(Math.max(0, millis - elapsed()), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
    }
}
