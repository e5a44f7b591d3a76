package io.deadlinesaga.messaging.inbox;

import java.time.Duration;

/**
 * Thrown by a handler that cannot act yet: its transaction rolls back and the event is handled again after
 * {@code delay}. Later events of the same order wait behind it; other orders go on, and no thread waits.
 */
public class RetryLater extends RuntimeException {

    private final Duration delay;

    public RetryLater(Duration delay, String why) {
        super(why, null, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
