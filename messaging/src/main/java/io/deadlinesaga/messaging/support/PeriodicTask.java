package io.deadlinesaga.messaging.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Work done again and again, every {@code interval} from the end of one round to the start of the next, on
 * a Spring {@link ThreadPoolTaskScheduler} of its own rather than the application's shared one (as
 * {@code @Scheduled} would use): its own named daemon thread, at the lowest priority for background work, so
 * a slow round of one task never delays another's. A round that throws, even an {@link Error}, is logged (the
 * scheduler's error handler gets every {@link Throwable}) and the next one runs on time. The rounds begin once
 * every singleton of the application exists, and end when the application context closes, before any
 * lifecycle stops: the listeners, the convoy and the relay are still there for what a last round appended.
 */
public abstract class PeriodicTask implements SmartInitializingSingleton, ApplicationListener<ContextClosedEvent> {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Duration interval;
    private final ThreadPoolTaskScheduler scheduler;
    private volatile boolean begun;
    private volatile boolean closed;

    /**
     * @param name what the task does, for its thread's name and its log
     * @param background whether it runs at the lowest priority (work that can wait while the saga is busy)
     */
    protected PeriodicTask(String name, Duration interval, boolean background) {
        this(name, interval, background, 1);
    }

    /**
     * @param threads how many runs may go at once: more than one for a task whose rounds set work of their own
     *        ({@link #runAfter})
     */
    protected PeriodicTask(String name, Duration interval, boolean background, int threads) {
        this.interval = interval;
        this.scheduler = DaemonThreads.scheduler(name, threads, background,
                failure -> log.warn("{} failed, next round in {}: {}", name, interval, failure.toString()));
    }

    /** One round of the work. */
    protected abstract void runOnce();

    /** Runs a round now, besides the schedule (ignored while the rounds have not begun, or have ended). */
    protected void runSoon() {
        try {
            scheduler.execute(this::runOnce);
        }
        catch (TaskRejectedException | IllegalStateException notRunning) {
            // ended, or not begun: the next start runs it
        }
    }

    /**
     * Runs {@code work} once after {@code delay} on the task's threads; a failure is logged like a round's. Only
     * while the rounds go on.
     */
    protected ScheduledFuture<?> runAfter(Duration delay, Runnable work) {
        return scheduler.schedule(work, Instant.now().plus(delay));
    }

    /** Whether the rounds go on: begun and not ended. */
    protected boolean isRunning() {
        return begun && !closed;
    }

    /** Whether the rounds have ended: a long round should stop early. */
    protected boolean isClosed() {
        return closed;
    }

    /** Begins the rounds; Spring calls it once every bean is made. */
    public void begin() {
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::runOnce, Instant.now().plus(interval), interval);
        begun = true;
    }

    /** Ends the rounds; Spring calls it when the application closes, before any lifecycle stops. */
    public void end() {
        closed = true;
        scheduler.shutdown();
    }

    @Override
    public void afterSingletonsInstantiated() {
        begin();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        end();
    }
}
