package io.deadlinesaga.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.outbox.UnsentRows.Batch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to the topic and marks them sent. A commit that appended events hands them
 * over as it returns ({@link HandedOver}), so they leave within milliseconds without a query; once sent they
 * wait to be marked ({@link SentUnmarked}), many rows in one statement. The table itself is read only to
 * recover: at start (rows a crash left unsent), after a failed round (until every unsent row is out again,
 * before the hand-over resumes, so one order's events keep their order) and every {@code pollInterval} for rows
 * older than that (left by another instance, or handed over by no one). There rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two reads of the table never send the same row, and a row waits while an
 * older row of the same order is held by someone else, so one service's events of one order reach the topic in
 * the order it produced them. The hand-over takes no row lock: a row one instance has handed over, sent and not
 * yet marked can be read and sent again by another instance's read of the table, as can a row a crash left
 * sent but unmarked; consumers drop the copy by its eventId.
 *
 * <p>It runs on a thread and a lifecycle of its own rather than as a Spring scheduled task: a commit wakes it
 * at once, where a schedule would poll; it starts before the convoy and the listeners and stops after them,
 * sending and marking what they handed over last; and a round that fails, even with an {@link Error}, puts it
 * back to reading the table, which a task that merely went on at its next run would not.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final UnsentRows unsentRows;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Relay settings;
    private final HandedOver handedOver = new HandedOver();
    private final SentUnmarked sentUnmarked;
    private final Wakeup wakeup = new Wakeup();
    private Mode mode = Mode.RECOVERING;
    private long nextSweepNanos = System.nanoTime();
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(OutboxRepository repository, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            MessagingProperties properties) {
        this.repository = repository;
        this.publisher = new OutboxPublisher(kafka, properties.topic(), properties.relay().sendTimeout());
        this.transactions = transactions;
        this.settings = properties.relay();
        this.unsentRows = new UnsentRows(repository, publisher, transactions, settings.batchSize());
        this.sentUnmarked = new SentUnmarked(settings.batchSize(), settings.markInterval(), System.nanoTime());
    }

    /** Takes a row its transaction has just committed, to be sent now. Cheap; called right after the commit. */
    void committed(OutboxRow row) {
        handedOver.add(row);
        wakeup.signal();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeup.signal();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether its thread is there to publish. */
    boolean isWorking() {
        return running && worker != null && worker.isAlive();
    }

    @Override
    public int getPhase() {
        // starts before the convoy and the listeners, stops after them, so their last events still go out
        return Integer.MAX_VALUE - 300;
    }

    private void run() {
        while (running) {
            pause(round());
        }
        finish();
    }

    /**
     * One step: while recovering, a batch read from the table; else the rows handed over, and the table's old
     * rows when a poll is due; then the mark of what was sent, when that is due.
     *
     * @return how long the relay may wait for a commit before the next round (zero: at once)
     */
    Duration round() {
        try {
            if (mode == Mode.RECOVERING) {
                Batch batch = recover();
                if (batch.claimed() > 0) {
                    // every claimed row waiting on an older one another instance holds: give it a moment
                    return batch.sent() == 0 ? settings.busyWait() : Duration.ZERO;
                }
            }
            else {
                sendHandedOver();
                sweepIfDue();
            }
            long now = System.nanoTime();
            if (sentUnmarked.isDue(now)) {
                markSent();
            }
            return handedOver.isEmpty() ? untilNextChore() : Duration.ZERO;
        }
        catch (RuntimeException ex) {
            log.warn("outbox relay failed, retrying in {}: {}", settings.retryDelay(), ex.toString());
            return recoverAfterFailure();
        }
        catch (Error ex) {
            // the one thread that publishes must outlive anything but the end of the process (an
            // OutOfMemoryError ends it: -XX:+ExitOnOutOfMemoryError)
            log.error("outbox relay failed with an error, recovering from the table in {}", settings.retryDelay(), ex);
            return recoverAfterFailure();
        }
    }

    /** At stop: what the convoy and the listeners handed over last goes out and is marked. */
    private void finish() {
        try {
            sendHandedOver();
            markSent();
        }
        catch (RuntimeException ex) {
            log.info("outbox relay stopped with rows unsent, sent at the next start: {}", ex.toString());
        }
    }

    private Duration recoverAfterFailure() {
        mode = Mode.RECOVERING;
        sentUnmarked.forget();
        return settings.retryDelay();
    }

    /**
     * Reads unsent rows from the table; once none is left, hands over again. Rows handed over meanwhile are
     * dropped from the queue: the table has them, and sending them from there keeps each order's order.
     */
    private Batch recover() {
        handedOver.dropAll();
        Batch batch = unsentRows.relay(Long.MAX_VALUE, handedOver::holds);
        if (batch.claimed() == 0) {
            mode = Mode.HANDING_OVER;
            nextSweepNanos = System.nanoTime() + settings.pollInterval().toNanos();
        }
        return batch;
    }

    /** Sends the rows handed over so far, in their order, and waits for the broker's acknowledgements. */
    private void sendHandedOver() {
        List<OutboxRow> rows = handedOver.take(settings.batchSize());
        publisher.sendAll(rows);
        sentUnmarked.add(rows);
    }

    /** Every poll interval: rows older than that which nobody handed over (another instance's, after a crash). */
    private void sweepIfDue() {
        if (System.nanoTime() - nextSweepNanos < 0) {
            return;
        }
        long before = System.currentTimeMillis() - settings.pollInterval().toMillis();
        Batch batch = unsentRows.relay(before, handedOver::holds);
        // a full batch: more may be waiting, read on at once
        nextSweepNanos = System.nanoTime() + (batch.isFull(settings.batchSize()) ? 0 : settings.pollInterval().toNanos());
    }

    private void markSent() {
        List<String> eventIds = sentUnmarked.eventIds();
        if (eventIds.isEmpty()) {
            return;
        }
        long sentAt = System.currentTimeMillis();
        transactions.executeWithoutResult(status -> repository.markSentByEventIds(eventIds, sentAt));
        sentUnmarked.marked(System.nanoTime());
        handedOver.marked(eventIds);
    }

    private Duration untilNextChore() {
        long now = System.nanoTime();
        long nanos = Math.min(nextSweepNanos - now, sentUnmarked.nanosUntilDue(now));
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    private void pause(Duration pause) {
        try {
            wakeup.await(pause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** What a round does. */
    private enum Mode {
        /** reads every unsent row from the table (at start, after a failure) before anything is handed over */
        RECOVERING,
        /** sends the rows commits hand over; reads the table only for old rows nobody handed over */
        HANDING_OVER
    }

    /** A commit's nudge: at most one waits, so a burst of commits wakes the relay once. */
    private static final class Wakeup {

        private final Semaphore permits = new Semaphore(0);

        void signal() {
            if (permits.availablePermits() == 0) {
                permits.release();
            }
        }

        void await(Duration timeout) throws InterruptedException {
            if (!timeout.isZero() && permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.drainPermits();
            }
        }
    }
}
