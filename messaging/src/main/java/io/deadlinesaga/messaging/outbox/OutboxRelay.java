package io.deadlinesaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.contract.Wire;
import io.deadlinesaga.messaging.MessagingProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to the topic and marks them sent. A commit that appended events hands them
 * over as it returns, so they leave within milliseconds without a query; their rows are marked sent in one
 * statement every {@code markInterval}. The table itself is read only to recover: at start (rows a crash left
 * unsent), after a failed send (until every unsent row is out again, before the hand-over resumes, so one
 * order's events keep their order) and every {@code pollInterval} for rows older than that (left by another
 * instance, or handed over by no one). There rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service never send the same row, and a row waits while an older row of the same order is
 * held by someone else, so one service's events of one order reach the topic in the order it produced them.
 * A crash between send and mark sends a row again; consumers drop it by its eventId.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Relay settings;
    private final String topic;
    private final Semaphore signal = new Semaphore(0);
    /** rows committed by this instance, in the order of their commits */
    private final Queue<OutboxRow> handedOver = new ConcurrentLinkedQueue<>();
    /** eventIds handed over and not yet marked sent: a recovering read leaves them to the hand-over */
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    /** sent, to be marked (relay thread only) */
    private final List<String> sentUnmarked = new ArrayList<>();
    private boolean recovering = true;
    private long lastMarkNanos = System.nanoTime();
    private long nextSweepNanos = System.nanoTime();
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(OutboxRepository repository, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            MessagingProperties properties) {
        this.repository = repository;
        this.kafka = kafka;
        this.transactions = transactions;
        this.settings = properties.relay();
        this.topic = properties.topic();
    }

    /** Takes a row its transaction has just committed, to be sent now. Cheap; called right after the commit. */
    void committed(OutboxRow row) {
        inHand.add(row.eventId());
        handedOver.add(row);
        wake();
    }

    private void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
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
        wake();
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
            try {
                if (recovering) {
                    recover();
                }
                else {
                    sendHandedOver();
                    sweepIfDue();
                }
                markSentIfDue(false);
                if (handedOver.isEmpty() && !recovering) {
                    awaitSignal(untilNextChore());
                }
            }
            catch (RuntimeException ex) {
                log.warn("outbox relay failed, retrying in {}: {}", settings.retryDelay(), ex.toString());
                startRecovering();
                awaitSignal(settings.retryDelay());
            }
            catch (Error ex) {
                // the one thread that publishes must outlive anything but the end of the process (an
                // OutOfMemoryError ends it: -XX:+ExitOnOutOfMemoryError)
                log.error("outbox relay failed with an error, recovering from the table in {}", settings.retryDelay(), ex);
                startRecovering();
                awaitSignal(settings.retryDelay());
            }
        }
        try {
            sendHandedOver();
            markSentIfDue(true);
        }
        catch (RuntimeException ex) {
            log.info("outbox relay stopped with rows unsent, sent at the next start: {}", ex.toString());
        }
    }

    /** Sends the rows handed over so far, in their order, and waits for the broker's acknowledgements. */
    private void sendHandedOver() {
        List<OutboxRow> batch = new ArrayList<>();
        for (OutboxRow row; batch.size() < settings.batchSize() && (row = handedOver.poll()) != null; ) {
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return;
        }
        sendAll(batch);
        batch.forEach(row -> sentUnmarked.add(row.eventId()));
    }

    /**
     * Reads unsent rows from the table until none is left, then hands over again. Rows handed over meanwhile
     * are dropped from the queue: the table has them, and sending them from there keeps each order's order.
     */
    private void recover() {
        handedOver.clear();
        inHand.clear();
        Batch batch = transactions.execute(status -> relayFromTable(Long.MAX_VALUE));
        if (batch.claimed() == 0) {
            recovering = false;
            nextSweepNanos = System.nanoTime() + settings.pollInterval().toNanos();
        }
        else if (batch.sent() == 0) {
            awaitSignal(settings.busyWait());
        }
    }

    private void startRecovering() {
        recovering = true;
        sentUnmarked.clear(); // still unsent in the table: sent again from there (a copy at worst)
    }

    /** Every poll interval: rows older than that which nobody handed over (another instance's, after a crash). */
    private void sweepIfDue() {
        if (System.nanoTime() - nextSweepNanos < 0) {
            return;
        }
        long before = System.currentTimeMillis() - settings.pollInterval().toMillis();
        Batch batch = transactions.execute(status -> relayFromTable(before));
        nextSweepNanos = System.nanoTime() + (batch.claimed() == settings.batchSize() ? 0 : settings.pollInterval().toNanos());
    }

    private void markSentIfDue(boolean now) {
        if (sentUnmarked.isEmpty() || !now && sentUnmarked.size() < settings.batchSize()
                && System.nanoTime() - lastMarkNanos < settings.markInterval().toNanos()) {
            return;
        }
        List<String> eventIds = List.copyOf(sentUnmarked);
        long sentAt = System.currentTimeMillis();
        transactions.executeWithoutResult(status -> repository.markSentByEventIds(eventIds, sentAt));
        sentUnmarked.clear();
        eventIds.forEach(inHand::remove);
        lastMarkNanos = System.nanoTime();
    }

    private Duration untilNextChore() {
        long nanos = nextSweepNanos - System.nanoTime();
        if (!sentUnmarked.isEmpty()) {
            nanos = Math.min(nanos, lastMarkNanos + settings.markInterval().toNanos() - System.nanoTime());
        }
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    /** Claims unsent rows created up to {@code createdBefore} that nobody here holds, sends and marks them. */
    private Batch relayFromTable(long createdBefore) {
        List<OutboxMessage> claimed = repository.claimUnsent(createdBefore, settings.batchSize()).stream()
                .filter(message -> !inHand.contains(message.eventId())).toList();
        if (claimed.isEmpty()) {
            return new Batch(0, 0);
        }
        List<OutboxMessage> sendable = inOrderOfEachOrder(claimed);
        sendAll(sendable.stream().map(OutboxRow::of).toList());
        if (!sendable.isEmpty()) {
            repository.markSent(sendable.stream().map(OutboxMessage::id).toList(), System.currentTimeMillis());
        }
        return new Batch(claimed.size(), sendable.size());
    }

    private void sendAll(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(kafka.send(toRecord(row)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Keeps a claimed row only if every older unsent row of its order is claimed too (and so sent before it). */
    private List<OutboxMessage> inOrderOfEachOrder(List<OutboxMessage> claimed) {
        Set<Long> claimedIds = new HashSet<>();
        Set<Long> orderIds = new HashSet<>();
        long maxId = 0;
        for (OutboxMessage message : claimed) {
            claimedIds.add(message.id());
            orderIds.add(message.orderId());
            maxId = Math.max(maxId, message.id());
        }
        Map<Long, Long> oldestForeignRow = new HashMap<>();
        for (Object[] row : repository.unsentUpTo(maxId)) {
            long orderId = ((Number) row[0]).longValue();
            long id = ((Number) row[1]).longValue();
            if (orderIds.contains(orderId) && !claimedIds.contains(id)) {
                oldestForeignRow.merge(orderId, id, Math::min);
            }
        }
        if (oldestForeignRow.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(message -> message.id() < oldestForeignRow.getOrDefault(message.orderId(), Long.MAX_VALUE))
                .toList();
    }

    private ProducerRecord<String, String> toRecord(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                row.destination() == null ? topic : row.destination(), Long.toString(row.orderId()), row.payload());
        record.headers().add(Wire.TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        if (row.error() != null) {
            // the headers Spring Kafka's dead-letter recoverer writes, so both kinds of dead letter read alike
            record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, row.error().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void awaitSignal(Duration timeout) {
        try {
            if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Batch(int claimed, int sent) {
    }
}
