package io.deadlinesaga.messaging.support;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

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

    private static ThreadFactory named(String prefix, int priority) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix + "-");
        factory.setDaemon(true);
        factory.setThreadPriority(priority);
        return factory;
    }
}
