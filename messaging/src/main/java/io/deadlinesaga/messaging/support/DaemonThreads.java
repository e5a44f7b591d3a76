package io.deadlinesaga.messaging.support;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ErrorHandler;

/** Named daemon threads for the plumbing's own executors, so a thread dump says who is who. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code prefix-1}, {@code prefix-2} … that never keep the JVM alive. */
    public static ThreadFactory named(String prefix) {
        return named(prefix, Thread.NORM_PRIORITY);
    }

    /** Like {@link #named}, at the lowest priority: for work that can wait while the saga is busy. */
    public static ThreadFactory background(String prefix) {
        return named(prefix, Thread.MIN_PRIORITY);
    }

    /**
     * Spring's scheduler on {@code threads} of these threads ({@link #background} ones if {@code background}),
     * to be initialized by its owner. A run that throws, even an {@link Error}, goes to {@code onFailure}, and a
     * repeating task runs again at its next time; a cancelled task leaves the queue at once.
     */
    public static ThreadPoolTaskScheduler scheduler(String prefix, int threads, boolean background,
            ErrorHandler onFailure) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadFactory(background ? background(prefix) : named(prefix));
        scheduler.setPoolSize(threads);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setErrorHandler(onFailure);
        return scheduler;
    }

    private static ThreadFactory named(String prefix, int priority) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix + "-");
        factory.setDaemon(true);
        factory.setThreadPriority(priority);
        return factory;
    }
}
