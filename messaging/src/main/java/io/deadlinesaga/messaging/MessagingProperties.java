package io.deadlinesaga.messaging;

import java.time.Duration;

import io.deadlinesaga.contract.Wire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging plumbing ({@code saga.messaging.*}). The topic is {@link Wire#TOPIC} unless set here.
 *
 * @param topic the one topic every event goes through
 * @param partitions how many partitions the topic (and its dead-letter topic) is created with
 * @param relay how the outbox relay publishes
 * @param convoy how received events are processed, one order at a time, many orders at once
 * @param housekeeping how long sent outbox rows and processed inbox rows are kept
 */
@ConfigurationProperties("saga.messaging")
public record MessagingProperties(
        @DefaultValue(Wire.TOPIC) String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue Relay relay,
        @DefaultValue Convoy convoy,
        @DefaultValue Housekeeping housekeeping) {

    /** Where records nobody can read go: the topic name with {@code .DLT}. */
    public String deadLetterTopic() {
        return Wire.deadLetterTopic(topic);
    }

    /**
     * @param batchSize most rows claimed and sent in one round
     * @param pollInterval how often the relay reads the table for rows older than that which nobody handed
     *        over (another instance's, or left by a crash)
     * @param busyWait the pause when every claimed row waits on an older row another instance holds
     * @param retryDelay the pause after a failed round (broker or database away)
     * @param sendTimeout how long a round waits for the broker's acknowledgements
     * @param stallAfter health is DOWN when an event committed longer ago than this is still unsent
     */
    public record Relay(
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("5ms") Duration busyWait,
            @DefaultValue("1s") Duration retryDelay,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("30s") Duration stallAfter) {
    }

    /**
     * @param workers threads that run handlers; a waiting order holds none of them
     * @param firstRetry delay before the first retry of a failed handler, doubled on each further failure
     * @param maxRetry the longest delay between two retries
     * @param maxAttempts attempts before an event is marked FAILED and its order's later events go on
     * @param sweepInterval how often pending events are looked for (after a crash, or left by another instance)
     */
    public record Convoy(
            @DefaultValue("4") int workers,
            @DefaultValue("100ms") Duration firstRetry,
            @DefaultValue("5s") Duration maxRetry,
            @DefaultValue("20") int maxAttempts,
            @DefaultValue("1s") Duration sweepInterval) {
    }

    /**
     * @param retention how long a sent outbox row and a processed inbox row (counted from when it was due) are
     *        kept (the inbox's eventIds are what drops a redelivered event; after that, the per-order uniqueness
     *        of every effect does)
     * @param interval how often old rows are deleted
     * @param batchSize about how many rows one statement deletes (more when rows share the last one's time),
     *        so pruning never holds long locks
     * @param compactInterval how often an embedded H2 file is compacted (a little under load, more when quiet)
     * @param compactTime about how long a compaction at a quiet moment may take
     */
    public record Housekeeping(
            @DefaultValue("1h") Duration retention,
            @DefaultValue("1m") Duration interval,
            @DefaultValue("5000") int batchSize,
            @DefaultValue("2s") Duration compactInterval,
            @DefaultValue("100ms") Duration compactTime) {
    }
}
