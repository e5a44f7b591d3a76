package io.deadlinesaga.messaging.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work done again and again on a thread of its own, every {@code interval} from the end of one round to the
 * start of the next, while the application runs. A round that throws, even an {@link Error}, is logged and the
 * next one runs on time: a scheduled task that throws is otherwise never run again, and its work would stop in
 * silence while the process looked healthy.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private final boolean background;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    /**
     * @param name what the task does, for its thread's name and its log
     * @param background whether it runs at the lowest priority (work that can wait while the saga is busy)
     */
    protected PeriodicTask(String name, Duration interval, boolean background) {
        this.name = name;
        this.interval = interval;
        this.background = background;
    }

    /** One round of the work. */
    protected abstract void runOnce();

    /** Runs a round now, besides the schedule (ignored while the application is not running). */
    protected void runSoon() {
        try {
            scheduler.execute(this::guardedRound);
        }
        catch (RejectedExecutionException | NullPointerException notRunning) {
            // stopping, or not started yet: the next start runs it
        }
    }

    private void guardedRound() {
        try {
            runOnce();
        }
        catch (RuntimeException | Error ex) {
            log.warn("{} failed, next round in {}: {}", name, interval, ex.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                background ? DaemonThreads.background(name) : DaemonThreads.named(name));
        running = true;
        scheduler.scheduleWithFixedDelay(this::guardedRound, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
