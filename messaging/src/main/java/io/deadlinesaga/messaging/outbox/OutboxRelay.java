package io.deadlinesaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.MessagingProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to the topic, oldest first, and marks them sent. It is woken by every
 * commit that appended an event, so an event leaves within milliseconds; a slow poll only covers rows left
 * by a crash or by another instance. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service never send the same row, and a row waits while an older row of the same order is
 * held by someone else, so one service's events of one order reach the topic in the order it produced them.
 * A crash between send and commit sends a row again; consumers drop it by its eventId.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String TYPE_HEADER = "type";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Relay settings;
    private final String topic;
    private final Semaphore signal = new Semaphore(0);
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

    /** Asks the relay to look for new rows now. Cheap; called after every commit that appended an event. */
    public void wake() {
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

    @Override
    public int getPhase() {
        // starts before the convoy and the listeners, stops after them, so their last events still go out
        return Integer.MAX_VALUE - 300;
    }

    private void run() {
        while (running) {
            try {
                Batch batch = transactions.execute(status -> relayOnce());
                if (batch.claimed() < settings.batchSize()) {
                    awaitSignal(batch.sent() == 0 && batch.claimed() > 0 ? settings.busyWait() : settings.pollInterval());
                }
            }
            catch (RuntimeException ex) {
                log.warn("outbox relay failed, retrying in {}: {}", settings.retryDelay(), ex.toString());
                awaitSignal(settings.retryDelay());
            }
        }
    }

    private Batch relayOnce() {
        List<OutboxMessage> claimed = repository.claimUnsent(settings.batchSize());
        if (claimed.isEmpty()) {
            return new Batch(0, 0);
        }
        List<OutboxMessage> sendable = inOrderOfEachOrder(claimed);
        List<CompletableFuture<?>> acks = new ArrayList<>(sendable.size());
        for (OutboxMessage message : sendable) {
            acks.add(kafka.send(toRecord(message)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
        if (!sendable.isEmpty()) {
            repository.markSent(sendable.stream().map(OutboxMessage::id).toList(), System.currentTimeMillis());
        }
        return new Batch(claimed.size(), sendable.size());
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

    private ProducerRecord<String, String> toRecord(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, Long.toString(message.orderId()),
                message.payload());
        record.headers().add(TYPE_HEADER, message.eventType().getBytes(StandardCharsets.UTF_8));
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
