package io.deadlinesaga.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.outbox.UnsentRows.Batch;
import io.deadlinesaga.messaging.persistence.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to the topic and marks them sent. A commit that appended events hands their
 * eventIds over as it returns ({@link HandedOver}), so they leave within milliseconds: the relay claims those rows,
 * sends them and marks them sent, in one transaction ({@link UnsentRows}). The table is searched for unsent rows
 * only to recover: at start (rows a crash left unsent), after a failed round or a hand-over that had to keep a row
 * back (until every unsent row is out again, before the hand-over resumes, so one order's events keep their
 * order), and every {@code pollInterval} for rows older than that (left by another instance, or handed over by no
 * one).
 *
 * <p>Two relays never send the same row, whichever way each came to it: both ways claim rows alike
 * ({@link UnsentRows}: locked with {@code FOR UPDATE SKIP LOCKED}, found unsent, sent, marked, committed), so of an
 * instance reading the table and another handed the same rows, each sends those it locked first and finds the rest
 * locked or marked. That is why a hand-over claims its rows rather than sending them without a query and marking
 * them later: a row sent but not yet marked is, to every other instance, an unsent row, and only a lock held from
 * before its send until its mark keeps it from them. A row goes again only when the broker had it and its mark was
 * lost (a crash between the two); consumers drop the copy by its eventId. Each order's rows leave in the order
 * they were appended, with any number of relays: a row waits while an older unsent row of its order is held
 * elsewhere. A batch costs two reads (the claim, and that check on the index of unsent rows), an update and a
 * commit; it is whatever commits handed over while the last batch was out, so under load it holds many rows.
 *
 * <p>It runs on a thread and a lifecycle of its own rather than as a Spring scheduled task: a commit wakes it
 * at once, where a schedule would poll; it starts before the convoy and the listeners and stops after them,
 * sending what they handed over last; and a round that fails, even with an {@link Error}, puts it back to reading
 * the table, which a task that merely went on at its next run would not.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final UnsentRows unsentRows;
    private final MessagingProperties.Relay settings;
    private final HandedOver handedOver = new HandedOver();
    private final Wakeup wakeup = new Wakeup();
    private Mode mode = Mode.RECOVERING;
    private long nextSweepNanos = System.nanoTime();
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(OutboxRepository repository, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            Durability durability, MessagingProperties properties) {
        this.settings = properties.relay();
        OutboxPublisher publisher = new OutboxPublisher(kafka, properties.topic(), settings.sendTimeout());
        this.unsentRows = new UnsentRows(repository, publisher, transactions, durability, settings.batchSize());
    }

    /** Takes the eventId of a row its transaction has just committed, to be sent now. Cheap; called after the commit. */
    void committed(String eventId) {
        handedOver.add(eventId);
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
     * rows when a poll is due.
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
            return mode == Mode.RECOVERING || !handedOver.isEmpty() ? Duration.ZERO : untilNextSweep();
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

    /** At stop: what the convoy and the listeners handed over last goes out. */
    private void finish() {
        try {
            while (!handedOver.isEmpty()) {
                sendHandedOver();
            }
        }
        catch (RuntimeException ex) {
            log.info("outbox relay stopped with rows unsent, sent at the next start: {}", ex.toString());
        }
    }

    private Duration recoverAfterFailure() {
        mode = Mode.RECOVERING;
        return settings.retryDelay();
    }

    /**
     * Reads unsent rows from the table; once none is left, hands over again. Rows handed over meanwhile are
     * dropped from the queue: the table has them, and sending them from there keeps each order's order.
     */
    private Batch recover() {
        handedOver.dropAll();
        Batch batch = unsentRows.relayOldest(Long.MAX_VALUE);
        if (batch.claimed() == 0) {
            mode = Mode.HANDING_OVER;
            nextSweepNanos = System.nanoTime() + settings.pollInterval().toNanos();
        }
        return batch;
    }

    /**
     * Sends the rows handed over so far but those another instance took. A row kept back for an older row of its
     * order sends the relay to the table, which sends it once that row is out, and this order's later rows after
     * it; meanwhile they would only be kept back too.
     */
    private void sendHandedOver() {
        List<String> eventIds = handedOver.take(settings.batchSize());
        if (!eventIds.isEmpty() && unsentRows.relayHandedOver(eventIds).keptBack()) {
            mode = Mode.RECOVERING;
        }
    }

    /** Every poll interval: rows older than that which nobody handed over (another instance's, after a crash). */
    private void sweepIfDue() {
        if (System.nanoTime() - nextSweepNanos < 0) {
            return;
        }
        long before = System.currentTimeMillis() - settings.pollInterval().toMillis();
        Batch batch = unsentRows.relayOldest(before);
        // a full batch: more may be waiting, read on at once
        nextSweepNanos = System.nanoTime() + (batch.isFull(settings.batchSize()) ? 0 : settings.pollInterval().toNanos());
    }

    private Duration untilNextSweep() {
        return Duration.ofNanos(Math.max(nextSweepNanos - System.nanoTime(), 1_000_000));
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
        /**
         * reads every unsent row from the table (at start, after a failure, after a hand-over kept a row back)
         * before anything is handed over
         */
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
