package io.deadlinesaga.messaging.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledLogTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private ThrottledLog log;

    @BeforeEach
    void captureTheLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-test-" + System.nanoTime());
        lines.start();
        logger.addAppender(lines);
        log = new ThrottledLog(logger, SECOND, nanos::get);
    }

    @Test
    void writesACauseAtMostOncePerIntervalAndCountsTheRest() {
        // given a burst of 1,000 events of one cause within a second
        for (int orderId = 1; orderId <= 1_000; orderId++) {
            log.warn("unknown order", "orderId={} event for an order that does not exist: ignored", orderId);
        }

        // when the next one comes a second later
        nanos.addAndGet(SECOND.toNanos());
        log.warn("unknown order", "orderId={} event for an order that does not exist: ignored", 1_001);

        // then two lines: the first event, and the next with the count of those between
        assertThat(messages()).containsExactly(
                "orderId=1 event for an order that does not exist: ignored",
                "orderId=1001 event for an order that does not exist: ignored"
                        + " (and 999 more like it in the interval before, not logged one by one)");
    }

    @Test
    void keepsEachCauseApart() {
        // when two causes come within one interval
        log.info("duplicate", "eventId={} duplicate dropped", "a");
        log.warn("unknown type", "record of unknown type at offset {}", 7);
        log.info("duplicate", "eventId={} duplicate dropped", "b");

        // then each is written once
        assertThat(messages()).containsExactly("eventId=a duplicate dropped", "record of unknown type at offset 7");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
