package io.deadlinesaga.messaging.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until the test moves it. */
public final class TestClock extends Clock {

    private final AtomicLong millis;

    public TestClock(long epochMillis) {
        this.millis = new AtomicLong(epochMillis);
    }

    public void set(long epochMillis) {
        millis.set(epochMillis);
    }

    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the saga reads epoch milliseconds only");
    }
}
