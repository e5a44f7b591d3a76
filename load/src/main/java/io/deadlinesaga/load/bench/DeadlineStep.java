package io.deadlinesaga.load.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * How late deadlines fire while the deadline service holds many pending ones. The bulk: synthetic orders (see
 * {@link SyntheticEvents}) whose deadlines are half an hour away, produced straight to the topic, waited for until
 * the deadline service has read them all. The probes: more of them, due at 100 a second from 12 s after they are
 * sent, whose DeadlineReached are read from the topic. Then the bulk is cancelled with an OrderPlaced each, and
 * waited for again, so that the service is left as it was; on an interruption the cancellations are still sent.
 */
final class DeadlineStep {

    /** The deadline service's consumer group: its application name; its instances share it. */
    static final String DEADLINE_GROUP = "deadline";
    static final Duration BULK_DUE_IN = Duration.ofMinutes(30);
    static final Duration PROBES_FIRST_DUE = Duration.ofSeconds(12);
    static final int PROBES_PER_SECOND = 100;
    /** how long after the last probe was due its DeadlineReached is waited for */
    static final Duration FIRING_GRACE = Duration.ofSeconds(30);
    /** how long the deadline service may read nothing of the bulk before the step gives up */
    static final Duration STALL = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String topic;
    private final PrintStream out;
    private final SyntheticEvents events;

    DeadlineStep(String bootstrapServers, String topic, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.out = out;
        this.events = new SyntheticEvents(topic);
    }

    /**
     * @throws BenchException when the deadline service does not take the events in, or Kafka refuses them
     */
    BenchResults.Deadlines run(int pending, int probes) throws InterruptedException {
        long first = SyntheticEvents.firstOrderId(Instant.now().getEpochSecond());
        long firstProbe = first + pending;
        out.printf("%ndeadline step: %d deadlines pending for %d min while %d probes come due at %d/s; synthetic "
                + "OrderCreated of holder %s, currency %d, orders %d to %d%n", pending, BULK_DUE_IN.toMinutes(),
                probes, PROBES_PER_SECOND, SyntheticEvents.HOLDER, SyntheticEvents.FAILING_EXCHANGE, first,
                firstProbe + probes - 1);
        try (KafkaProducer<String, String> producer = Sender.producer(bootstrapServers, "saga-bench-deadlines");
                Admin admin = Admin.create(adminConfig())) {
            ConsumerGroups groups = new ConsumerGroups(admin);
            boolean cancelled = pending == 0;
            try {
                long start = System.nanoTime();
                long now = System.currentTimeMillis();
                ProducedOffsets bulk = Sender.send(producer, first, pending,
                        orderId -> events.orderCreated(orderId, now, now + BULK_DUE_IN.toMillis()));
                out.printf("  sent %d OrderCreated in %.1f s; waiting until the deadline service has read them%n",
                        pending, seconds(start));
                awaitRead(groups, bulk, "deadline service reading the bulk");
                out.printf("  the deadline service holds %d pending deadlines, %.1f s after the first was sent%n",
                        pending, seconds(start));
                Probed probed = probe(producer, firstProbe, probes);
                long cancelling = System.nanoTime();
                ProducedOffsets cancels = Sender.send(producer, first, pending,
                        orderId -> events.orderPlaced(orderId, System.currentTimeMillis()));
                cancelled = true;
                out.printf("  sent %d OrderPlaced to cancel the bulk; waiting until the deadline service has read them%n",
                        pending);
                awaitRead(groups, cancels, "deadline service cancelling the bulk");
                out.printf("  bulk cancelled in %.1f s%n", seconds(cancelling));
                return new BenchResults.Deadlines(pending, probes, probed.fired(), Distribution.of(probed.lateness())
                        .lateness());
            }
            finally {
                if (!cancelled) {
                    cancelAfterAll(producer, first, pending);
                }
            }
        }
    }

    /** What the probes found: how many fired, how late each. */
    private record Probed(int fired, long[] lateness) {
    }

    private Probed probe(KafkaProducer<String, String> producer, long firstProbe, int probes) throws InterruptedException {
        if (probes == 0) {
            return new Probed(0, new long[0]);
        }
        try (DeadlineReachedReader reader = new DeadlineReachedReader(bootstrapServers, topic, firstProbe,
                firstProbe + probes - 1)) {
            long sentAt = System.currentTimeMillis();
            long firstDue = sentAt + PROBES_FIRST_DUE.toMillis();
            Sender.send(producer, firstProbe, probes, orderId -> events.orderCreated(orderId, sentAt,
                    firstDue + (orderId - firstProbe) * 1000 / PROBES_PER_SECOND));
            long lastDue = firstDue + (probes - 1) * 1000L / PROBES_PER_SECOND;
            out.printf("  sent %d probes, due from %d s to %.1f s from now%n", probes, PROBES_FIRST_DUE.toSeconds(),
                    (lastDue - sentAt) / 1000.0);
            long giveUpAt = lastDue + FIRING_GRACE.toMillis();
            long nextSay = System.currentTimeMillis() + 1_000;
            while (reader.fired() < probes && System.currentTimeMillis() < giveUpAt) {
                reader.poll(Duration.ofMillis(200));
                if (System.currentTimeMillis() >= nextSay) {
                    out.printf("  [%4ds] probes fired: %d of %d%n", (System.currentTimeMillis() - sentAt) / 1000,
                            reader.fired(), probes);
                    out.flush();
                    nextSay += 1_000;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            if (reader.fired() < probes) {
                out.printf("  %d probes had not fired %d s after the last was due%n", probes - reader.fired(),
                        FIRING_GRACE.toSeconds());
            }
            return new Probed(reader.fired(), reader.lateness());
        }
    }

    private void awaitRead(ConsumerGroups groups, ProducedOffsets produced, String what) throws InterruptedException {
        int total = produced.size();
        boolean read = Countdown.await(what, () -> total - produced.countBelow(groups.committed(DEADLINE_GROUP, topic)),
                STALL, out);
        if (!read) {
            throw new BenchException("the deadline service (group " + DEADLINE_GROUP + ") read none of its events for "
                    + STALL.toSeconds() + " s; is it running?");
        }
    }

    /**
     * Cancels the bulk after an interruption or a failure, without waiting: no deadline of the bench is left to fire.
     * An interruption is already on its way up as an exception; its flag is cleared here so that the cancellations,
     * and the closing of the clients after, still reach Kafka.
     */
    private void cancelAfterAll(KafkaProducer<String, String> producer, long first, int pending) {
        Thread.interrupted();
        try {
            Sender.send(producer, first, pending, orderId -> events.orderPlaced(orderId, System.currentTimeMillis()));
            out.printf("  sent %d OrderPlaced to cancel the bulk%n", pending);
        }
        catch (InterruptedException | BenchException ex) {
            out.printf("  could not cancel the bulk (%s): its deadlines fire in %d min, for orders no service knows%n",
                    ex.getMessage(), BULK_DUE_IN.toMinutes());
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "saga-bench-deadlines");
        return config;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
