package io.deadlinesaga.load;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.deadlinesaga.contract.EventName;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one load: opens the accounts, sends the orders on an open-loop schedule (order i at i / rate seconds,
 * however slowly the system answers), follows each order until it is settled, printing progress every
 * second, then has the {@link Audit} check the invariants.
 * <p>
 * To follow the orders without loading the system it measures, the driver reads the topic as it goes: an
 * order whose OrderPlaced or PointUseCompensated is on the topic is settled as far as the load goes (the
 * audit then reads what every service holds for it); only an order with no such news for 5 s is polled with
 * {@code GET /orders/{id}}.
 */
final class LoadDriver implements AutoCloseable {

    private static final int POLLS_AT_ONCE = 16;
    private static final int ACCOUNTS_AT_ONCE = 24;
    private static final long SEND_TICK_MS = 5;
    private static final long POLL_TICK_MS = 50;

    private final LoadOptions options;
    private final PrintStream out;
    private final LoadPhases phases;
    private final JsonMapper json;
    private final GatewayClient gateway;
    /** how long a call keeps retrying through an outage */
    private final Duration retryFor;
    private final ScheduledExecutorService scheduler;

    private final Map<Long, TrackedOrder> byId = new ConcurrentHashMap<>();
    private final Set<TrackedOrder> unsettled = ConcurrentHashMap.newKeySet();
    private final Semaphore pollPermits = new Semaphore(POLLS_AT_ONCE);
    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicLong lastFiredNanos = new AtomicLong();
    private final List<String> earlyAccountFailures = new CopyOnWriteArrayList<>();
    private TopicWatcher topic;
    private long startNanos;
    /** when the first order was sent, epoch ms: the decisions' timestamps are on this clock */
    private long startedAt;
    private long requestsWhileRunning;

    LoadDriver(LoadOptions options, PrintStream out) {
        this(options, out, LoadPhases.NONE);
    }

    LoadDriver(LoadOptions options, PrintStream out, LoadPhases phases) {
        this.options = options;
        this.out = out;
        this.phases = phases;
        this.json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.gateway = new GatewayClient(options.gateway(), json);
        this.retryFor = options.chaos() ? options.timeout() : Duration.ofSeconds(30);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    LoadResult run() throws InterruptedException {
        requireGateway();
        LoadPlan plan = LoadPlan.of(options, "L" + Long.toString(System.currentTimeMillis(), 36));
        out.printf("load %s: %d orders at %s/s over %d accounts (+%d early), mix %s, seed %d%s%n", plan.runId,
                options.orders(), plain(options.rate()), options.users(), plan.earlyOrders().size(), options.mix(),
                options.seed(), options.chaos() ? ", chaos" : "");
        out.printf("  gateway %s, topic %s on %s%n", options.gateway(), options.topic(), options.bootstrapServers());
        long settledMillis = openAndSend(plan);
        return audit(plan, settledMillis);
    }

    /**
     * Places the orders and waits until they are settled, checking nothing: a warm-up, so that the services'
     * code is compiled and their caches filled before a measured run.
     *
     * @return how long it took, ms, or -1 if some orders were not settled within the timeout
     */
    long warmUp() throws InterruptedException {
        requireGateway();
        long start = System.nanoTime();
        long settledMillis = openAndSend(LoadPlan.of(options, "W" + Long.toString(System.currentTimeMillis(), 36)));
        return settledMillis < 0 ? -1 : (System.nanoTime() - start) / 1_000_000;
    }

    private long openAndSend(LoadPlan plan) throws InterruptedException {
        openAccounts(plan.users);
        try {
            topic = new TopicWatcher(options.bootstrapServers(), options.topic(), json, this::onSettledEvent);
        }
        catch (TopicWatcher.UnreachableException ex) {
            throw new LoadAbortedException(ex.getMessage());
        }
        topic.start();
        return sendAndAwait(plan.orders);
    }

    // ---- before: the gateway answers, the accounts exist ----

    private void requireGateway() {
        try {
            GatewayClient.Answer health = gateway.get("/actuator/health",
                    options.chaos() ? Duration.ofSeconds(60) : Duration.ofSeconds(3)).join();
            if (!health.is(200)) {
                throw new LoadAbortedException(options.gateway() + "/actuator/health answered " + health.status()
                        + ": is that the saga's gateway? (./saga status)");
            }
        }
        catch (CompletionException ex) {
            throw new LoadAbortedException("the gateway at " + options.gateway() + " does not answer ("
                    + GatewayClient.why(ex) + "); start the system first: ./saga up");
        }
    }

    private void openAccounts(List<String> users) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore atOnce = new Semaphore(ACCOUNTS_AT_ONCE);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (String user : users) {
            atOnce.acquire();
            calls.add(openAccount(user).whenComplete((failure, error) -> atOnce.release()));
        }
        List<String> failures = calls.stream().map(CompletableFuture::join).filter(failure -> failure != null).toList();
        if (!failures.isEmpty()) {
            throw new LoadAbortedException("could not open " + failures.size() + " accounts, e.g. " + failures.get(0));
        }
        out.printf("  opened %d accounts in %.1f s%n", users.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Opens an account; completes with null, or with why it could not. */
    private CompletableFuture<String> openAccount(String userId) {
        ObjectNode body = json.createObjectNode().put("userId", userId).put("point", options.points().toPlainString());
        return gateway.post("/points", body, null, retryFor).handle((answer, error) -> {
            if (error != null) {
                return userId + ": " + GatewayClient.why(error);
            }
            // 409: an earlier attempt of ours went through (the account names are this run's own)
            return answer.is(201) || answer.is(409) ? null : userId + ": " + answer.status() + " " + answer.body();
        });
    }

    // ---- during: send on schedule, follow until settled ----

    /** Sends every order and waits until all are settled; how long after the last send, or -1 on the timeout. */
    private long sendAndAwait(List<TrackedOrder> orders) throws InterruptedException {
        phases.sending();
        startNanos = System.nanoTime();
        startedAt = System.currentTimeMillis();
        ScheduledFuture<?> sending = every(SEND_TICK_MS, () -> sendDue(orders));
        ScheduledFuture<?> polling = every(POLL_TICK_MS, this::pollDue);
        ScheduledFuture<?> progress = scheduler.scheduleAtFixedRate(guarded(() -> printProgress(orders)), 1, 1,
                TimeUnit.SECONDS);
        long settledMillis = -1;
        boolean announced = false;
        while (true) {
            Thread.sleep(50);
            if (fired.get() < orders.size()) {
                continue;
            }
            if (!announced) {
                sending.cancel(false);
                long sendNanos = lastFiredNanos.get() - startNanos;
                out.printf("  all %d orders sent in %.1f s (%s orders/s); waiting for every decision and compensation%n",
                        orders.size(), sendNanos / 1e9, orders.size() > 1 && sendNanos > 0
                                ? plain((orders.size() - 1) / (sendNanos / 1e9)) : "-");
                announced = true;
            }
            long sinceLast = System.nanoTime() - lastFiredNanos.get();
            if (answered.get() == orders.size() && unsettled.isEmpty()) {
                settledMillis = sinceLast / 1_000_000;
                break;
            }
            if (sinceLast > options.timeout().toNanos()) {
                out.printf("  timed out %d s after the last order was sent: %d orders not settled%n",
                        options.timeout().toSeconds(), orders.size() - answered.get() + unsettled.size());
                break;
            }
        }
        polling.cancel(false);
        progress.cancel(false);
        phases.settled();
        requestsWhileRunning = gateway.requests();
        printProgress(orders);
        earlyAccountFailures.forEach(failure -> out.println("  could not open the early account " + failure));
        return settledMillis;
    }

    private ScheduledFuture<?> every(long millis, Runnable task) {
        return scheduler.scheduleAtFixedRate(guarded(task), 0, millis, TimeUnit.MILLISECONDS);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                out.println("  load driver error: " + ex);
            }
        };
    }

    private void sendDue(List<TrackedOrder> orders) {
        double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        long due = Math.min(orders.size(), (long) Math.floor(elapsedSeconds * options.rate()) + 1);
        while (fired.get() < due) {
            lastFiredNanos.set(System.nanoTime());
            place(orders.get(fired.getAndIncrement()));
        }
    }

    private void place(TrackedOrder order) {
        // numbers as strings, as httpie sends them
        ObjectNode body = json.createObjectNode().put("holderId", order.holderId)
                .put("currencyId", Long.toString(order.currencyId)).put("amount", order.amount.toPlainString());
        gateway.post("/orders", body, order.idempotencyKey, retryFor).whenComplete((answer, error) -> {
            if (answer != null && (answer.is(201) || answer.is(200))) {
                order.placed(OrderState.of(answer.body()));
                TrackedOrder before = byId.put(order.id(), order);
                if (before != null && before != order) {
                    out.printf("  order id %d was given to orders #%d and #%d: one of them is lost%n", order.id(),
                            before.index + 1, order.index + 1);
                }
                if (!order.isSettled()) {
                    unsettled.add(order);
                    if (topic.tallyOf(order.id()).looksSettled()) {
                        unsettled.remove(order); // its news came before this answer
                    }
                }
                if (order.kind == OrderKind.EARLY) {
                    scheduler.schedule(guarded(() -> openEarlyAccount(order)), options.earlyDelay().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
            else {
                order.failedToPlace(error != null ? GatewayClient.why(error) : answer.status() + " " + answer.body());
            }
            answered.incrementAndGet();
        });
    }

    private void openEarlyAccount(TrackedOrder order) {
        openAccount(order.holderId).thenAccept(failure -> {
            if (failure != null) {
                earlyAccountFailures.add(failure);
            }
        });
    }

    private void onSettledEvent(long orderId) {
        TrackedOrder order = byId.get(orderId);
        if (order != null) {
            unsettled.remove(order);
        }
    }

    private void pollDue() {
        long now = System.nanoTime();
        for (TrackedOrder order : unsettled) {
            if (!pollPermits.tryAcquire()) {
                return;
            }
            if (!order.claimPoll(now)) {
                pollPermits.release();
                continue;
            }
            gateway.getOnce("/orders/" + order.id()).whenComplete((answer, error) -> {
                try {
                    if (answer != null && answer.is(200)) {
                        order.observe(OrderState.of(answer.body()));
                        if (order.isSettled()) {
                            unsettled.remove(order);
                        }
                    }
                }
                finally {
                    order.polled();
                    pollPermits.release();
                }
            });
        }
    }

    private void printProgress(List<TrackedOrder> orders) {
        int decided = 0;
        int rejected = 0;
        int compensated = 0;
        int settled = 0;
        int failed = 0;
        for (TrackedOrder order : orders) {
            if (order.placingError() != null) {
                failed++;
            }
            if (!order.isPlaced()) {
                continue;
            }
            EventTally events = topic.tallyOf(order.id());
            boolean isRejected = order.isRejected() || events.count(EventName.ORDER_REJECTED) > 0;
            decided += order.isDecided() || events.hasDecision() ? 1 : 0;
            rejected += isRejected ? 1 : 0;
            compensated += isRejected && (order.isSettled() || events.count(EventName.POINT_USE_COMPENSATED) > 0) ? 1 : 0;
            settled += unsettled.contains(order) ? 0 : 1;
        }
        long retries = gateway.retries();
        out.printf("  [%4ds] sent %d/%d  decided %d  compensated %d/%d  in flight %d%s%s%n",
                (System.nanoTime() - startNanos) / 1_000_000_000, fired.get(), orders.size(), decided, compensated,
                rejected, fired.get() - settled - failed, retries > 0 ? "  retries " + retries : "",
                failed > 0 ? "  NOT PLACED " + failed : "");
        out.flush();
    }

    // ---- after: every service's view and the topic, checked ----

    private LoadResult audit(LoadPlan plan, long settledMillis) throws InterruptedException {
        try {
            Audit.Findings found = new Audit(options, gateway, topic, out).run(plan);
            return new LoadResult(options, found.accounts(), startedAt, (lastFiredNanos.get() - startNanos) / 1_000_000,
                    settledMillis, found.orders(), found.check(), found.notPlaced(), found.deadlineLateness(),
                    topic.records(), topic.bytes(), found.eventsOfOrders(), found.redeliveries(), requestsWhileRunning,
                    gateway.requests(), gateway.retries(), found.steps());
        }
        catch (TopicWatcher.UnreachableException ex) {
            throw new LoadAbortedException("cannot check the invariants: " + ex.getMessage());
        }
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        if (topic != null) {
            topic.close();
        }
        gateway.close();
    }
}
