package io.deadlinesaga.messaging.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log for what may happen once per event (an event ignored, a duplicate dropped): each cause is written at
 * most once per interval, with how many more of it the interval held, so a burst of foreign or repeated
 * events costs a line a second, not a line an event. The causes are a service's own fixed strings, so the
 * bookkeeping stays as small as their number.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public ThrottledLog(Logger log) {
        this(log, Duration.ofSeconds(1), System::nanoTime);
    }

    ThrottledLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    public void info(String cause, String format, Object... arguments) {
        write(Level.INFO, cause, format, arguments);
    }

    public void warn(String cause, String format, Object... arguments) {
        write(Level.WARN, cause, format, arguments);
    }

    private void write(Level level, String cause, String format, Object... arguments) {
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        Window window = windows.computeIfAbsent(cause, key -> new Window());
        long skipped;
        synchronized (window) {
            long now = nanoClock.getAsLong();
            if (window.isOpen(now, intervalNanos)) {
                window.skipped++;
                return;
            }
            skipped = window.reopen(now);
        }
        if (skipped == 0) {
            log.atLevel(level).log(format, arguments);
            return;
        }
        Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
        withCount[arguments.length] = skipped;
        log.atLevel(level).log(format + " (and {} more like it in the interval before, not logged one by one)",
                withCount);
    }

    /** One cause's interval: when it was last written, and how many times it was not written since. */
    private static final class Window {

        private boolean written;
        private long writtenAt;
        private long skipped;

        boolean isOpen(long now, long intervalNanos) {
            return written && now - writtenAt < intervalNanos;
        }

        /** Starts a new interval at {@code now}; returns how many were skipped in the last one. */
        long reopen(long now) {
            long last = skipped;
            written = true;
            writtenAt = now;
            skipped = 0;
            return last;
        }
    }
}
