package io.deadlinesaga.messaging.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.MessagingProperties;
import io.deadlinesaga.messaging.event.EventCodec;
import io.deadlinesaga.messaging.event.EventType;
import io.deadlinesaga.messaging.event.SagaEvent;
import io.deadlinesaga.messaging.event.UnreadableEventException;
import io.deadlinesaga.messaging.support.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the handlers of received events as a Sequential Convoy: the events of one order one after another,
 * in the order they were received, while any number of other orders go on in parallel. An order whose head
 * event must wait (a retry, {@link RetryLater}) holds no thread and no partition: a timer wakes its lane
 * when the wait is over. The inbox table is the queue, so nothing is lost on a crash: a periodic sweep
 * resumes every pending event, and {@code FOR UPDATE SKIP LOCKED} keeps two instances off the same event.
 *
 * <p>Its lifecycle is its own, for its place in the order of start and stop: it starts before the listener
 * containers feed it and stops after them, and before the outbox relay, which sends what its last handlers
 * appended. The sweep and the lanes' wake-ups run on a Spring scheduler, which logs a run that throws and
 * runs the sweep again on time.
 */
class Convoy implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Convoy.class);

    private final InboxRepository inbox;
    private final HandlerRegistry handlers;
    private final EventCodec codec;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Convoy settings;
    private final DeadLetters deadLetters;
    private final Lanes lanes = new Lanes();
    private ExecutorService workers;
    private ThreadPoolTaskScheduler timer;
    private volatile boolean running;

    Convoy(InboxRepository inbox, HandlerRegistry handlers, EventCodec codec, TransactionTemplate transactions,
            MessagingProperties properties, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.handlers = handlers;
        this.codec = codec;
        this.transactions = transactions;
        this.settings = properties.convoy();
    }

    void wake(Collection<Long> orderIds) {
        orderIds.forEach(this::wake);
    }

    /** Whether the order's lane is running now: its next event must go through the lane too. */
    boolean isDraining(long orderId) {
        return lanes.isDraining(orderId);
    }

    /** Makes sure the order's pending events are handled soon; cheap when its lane is already running. */
    void wake(long orderId) {
        if (running && lanes.wake(orderId)) {
            workers.execute(() -> drain(orderId));
        }
    }

    private void drain(long orderId) {
        try {
            drainLane(orderId);
        }
        catch (RuntimeException ex) {
            log.warn("orderId={} lane stopped, resumed by the sweep: {}", orderId, ex.toString());
        }
        catch (Error ex) {
            // the lane must be let go below, or the order would wait for it for ever
            log.error("orderId={} lane stopped by an error, resumed by the sweep", orderId, ex);
        }
        if (lanes.drained(orderId) && running) {
            workers.execute(() -> drain(orderId));
        }
    }

    private void drainLane(long orderId) {
        while (running) {
            Step step = processHead(orderId);
            if (step instanceof Step.WaitUntil wait) {
                timer.schedule(() -> wake(orderId), Instant.ofEpochMilli(wait.when()));
                return;
            }
            if (!(step instanceof Step.Processed)) {
                return;
            }
        }
    }

    private Step processHead(long orderId) {
        try {
            return transactions.execute(status -> handleHead(orderId));
        }
        catch (RuntimeException | Error failure) {
            // the handler's transaction is rolled back; the attempt is recorded in a new one
            InboxEvent head = inbox.findHead(orderId).orElse(null);
            if (head == null) {
                throw failure;
            }
            return transactions.execute(status -> recordFailure(head.seq(), failure));
        }
    }

    private Step handleHead(long orderId) {
        InboxEvent head = inbox.findHead(orderId).orElse(null);
        if (head == null) {
            return Step.IDLE;
        }
        long now = System.currentTimeMillis();
        if (head.notBefore() > now) {
            return new Step.WaitUntil(head.notBefore());
        }
        InboxEvent locked = inbox.lockIfFree(head.seq()).orElse(null);
        if (locked == null) {
            return Step.IDLE; // another instance is handling this order's head; it drains the lane
        }
        EventType type = EventType.fromWireName(locked.eventType()).orElseThrow(
                () -> new UnreadableEventException("unknown event type " + locked.eventType()));
        SagaEvent event = codec.fromJson(type, locked.payload());
        handlers.dispatch(event, new Delivery(locked.attempts() + 1, locked.receivedAt()));
        locked.done(System.currentTimeMillis());
        inbox.update(locked);
        log.debug("orderId={} eventId={} eventType={} handled", orderId, locked.eventId(), locked.eventType());
        return Step.PROCESSED;
    }

    private Step recordFailure(long seq, Throwable failure) {
        InboxEvent event = inbox.lockIfFree(seq).orElse(null);
        if (event == null) {
            return Step.IDLE;
        }
        long now = System.currentTimeMillis();
        if (failure instanceof RetryLater retry) {
            log.info("orderId={} eventId={} eventType={} waits {}: {}", event.orderId(), event.eventId(),
                    event.eventType(), retry.delay(), retry.getMessage());
            event.retryAt(now + retry.delay().toMillis(), retry.getMessage());
            inbox.update(event);
            return new Step.WaitUntil(event.notBefore());
        }
        int attempt = event.attempts() + 1;
        if (attempt >= settings.maxAttempts() || failure instanceof UnreadableEventException) {
            log.error("orderId={} eventId={} eventType={} FAILED after {} attempts: dead-lettered to {}; the order's"
                    + " later events go on", event.orderId(), event.eventId(), event.eventType(), attempt,
                    deadLetters.topic(), failure);
            event.failed(now, failure.toString());
            inbox.update(event);
            deadLetters.failed(event.orderId(), event.eventType(), event.payload(), event.lastError());
            return Step.PROCESSED;
        }
        Duration delay = backoff(attempt);
        log.warn("orderId={} eventId={} eventType={} attempt {} failed, retry in {}: {}", event.orderId(),
                event.eventId(), event.eventType(), attempt, delay, failure.toString());
        event.retryAt(now + delay.toMillis(), failure.toString());
        inbox.update(event);
        return new Step.WaitUntil(event.notBefore());
    }

    private Duration backoff(int attempt) {
        long millis = settings.firstRetry().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, settings.maxRetry().toMillis()));
    }

    private void sweep() {
        wake(inbox.findOrdersWithDueEvents(System.currentTimeMillis()));
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(settings.workers(), DaemonThreads.named("convoy"));
        timer = DaemonThreads.scheduler("convoy-timer", 1, false, failure -> log.warn(
                "inbox sweep or a lane's wake-up failed, the sweep runs again in {}: {}", settings.sweepInterval(),
                failure.toString()));
        timer.initialize();
        running = true;
        timer.scheduleWithFixedDelay(this::sweep, settings.sweepInterval());
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdown();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
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
        // start before the listener containers feed it, stop after them
        return Integer.MAX_VALUE - 200;
    }

    private sealed interface Step {
        Step IDLE = new Idle();
        Step PROCESSED = new Processed();

        record Idle() implements Step {
        }

        record Processed() implements Step {
        }

        record WaitUntil(long when) implements Step {
        }
    }
}
