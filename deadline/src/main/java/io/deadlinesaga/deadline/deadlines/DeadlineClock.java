package io.deadlinesaga.deadline.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.event.DeadlineReached;
import io.deadlinesaga.messaging.outbox.Outbox;
import io.deadlinesaga.messaging.support.AfterCommit;
import io.deadlinesaga.messaging.support.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires deadlines at their due time. Each pending deadline gets a timer of its own, set when it is
 * registered and, for deadlines this instance did not register or that survived a restart, when a periodic
 * sweep of the table finds it due soon; an overdue one fires at once. Firing locks the row with
 * {@code FOR UPDATE SKIP LOCKED} and checks it is still pending, so with any number of instances and timers
 * a deadline fires once, and never after the order was decided. The sweep is the clock's periodic round; the
 * timers run on the same threads; the first sweep runs as soon as the service has started, so deadlines that
 * came due while it was down fire at once.
 * <p>
 * Due times are wall-clock times, and a timer waits on the monotonic clock: when the wall clock is stepped ahead
 * (a time sync, a virtual machine resumed after a pause), a timer goes off as late as the step was long. So each
 * sweep sets again, by the wall clock, the timer of a deadline due soon that would go off more than
 * {@link #TIMER_SLACK} after its due time: after a step, a deadline fires at most a sweep late.
 */
@Component
public class DeadlineClock extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadlineClock.class);

    /** how much later than the wall clock says a timer may go off before a sweep sets it again */
    static final Duration TIMER_SLACK = Duration.ofMillis(10);

    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final DeadlineProperties properties;
    private final Timer lateness;
    /** the timer of each order, so a sweep does not set a second one and a decided order's timer is dropped */
    private final Clock clock;
    private final ConcurrentHashMap<Long, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    DeadlineClock(DeadlineRepository deadlines, Outbox outbox, TransactionTemplate transactions,
            DeadlineProperties properties, MeterRegistry meters, Clock clock) {
        super("deadline-clock", properties.sweepInterval(), false, properties.timerThreads());
        this.clock = clock;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.lateness = Timer.builder("saga.deadline.lateness")
                .description("how long after its due time a deadline fired")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Sets the deadline's timer once the current transaction (which registered it) has committed. */
    void setAfterCommit(long orderId, long dueAt) {
        AfterCommit.run(() -> set(orderId, dueAt));
    }

    /**
     * Drops the deadline's timer once the current transaction (which cancelled it) has committed, so a decided
     * order costs the clock nothing more.
     */
    void dropAfterCommit(long orderId) {
        AfterCommit.run(() -> {
            ScheduledFuture<?> timer = timers.remove(orderId);
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }

    /**
     * Sets the deadline's timer, unless it has one that goes off in time by the wall clock (a timer that would go
     * off more than {@link #TIMER_SLACK} late is replaced).
     */
    private void set(long orderId, long dueAt) {
        if (!isRunning()) {
            return;
        }
        long untilDue = Math.max(0, dueAt - clock.millis());
        timers.compute(orderId, (id, timer) -> {
            if (timer != null && !timer.isDone()
                    && timer.getDelay(TimeUnit.MILLISECONDS) <= untilDue + TIMER_SLACK.toMillis()) {
                return timer;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            return runAfter(Duration.ofMillis(untilDue), () -> fire(id));
        });
    }

    /** A timer went off: fires the order's deadline if it is still pending and due, in a transaction of its own. */
    void fire(long orderId) {
        timers.remove(orderId);
        try {
            transactions.executeWithoutResult(status -> deadlines.lockPending(orderId).ifPresent(this::fire));
        }
        catch (RuntimeException | Error ex) {
            log.warn("orderId={} deadline could not fire now, the sweep retries: {}", orderId, ex.toString());
        }
    }

    private void fire(Deadline deadline) {
        long now = clock.millis();
        if (!deadline.fire(now)) {
            set(deadline.getOrderId(), deadline.getDueAt()); // woken early: wait for the due time
            return;
        }
        deadlines.update(deadline);
        outbox.append(DeadlineReached.of(deadline.getOrderId(), deadline.getDueAt(), now));
        long late = now - deadline.getDueAt();
        lateness.record(late, TimeUnit.MILLISECONDS);
        log.info("orderId={} deadline reached, {} ms after its due time", deadline.getOrderId(), late);
    }

    /**
     * Sets a timer for every pending deadline due before the sweep after next, or sets it again if the wall clock
     * has moved ahead of it.
     */
    @Override
    protected void runOnce() {
        long horizon = clock.millis() + 2 * properties.sweepInterval().toMillis();
        for (DeadlineRepository.Due due : deadlines.findPendingDueBefore(horizon)) {
            set(due.orderId(), due.dueAt());
        }
    }

    /** The first sweep at once: deadlines that came due while the service was down fire now. */
    @Override
    public void begin() {
        super.begin();
        runSoon();
    }
}
