package io.deadlinesaga.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

import io.deadlinesaga.contract.EventName;
import io.deadlinesaga.contract.rules.TopicEvent;

/**
 * One order's events on the topic: how many of each type, when the first of each type was created (its
 * {@code timestamp}), its deadline, and how late each of its deadlines fired. An event counts once however often its
 * record is on the topic: the outbox sends a row again when its service crashed between sending and marking
 * it sent, and consumers drop the copy by its eventId; such copies are counted apart, as redeliveries.
 */
final class EventTally {

    private final int[] counts = new int[EventName.values().length];
    private final long[] firstAt = new long[EventName.values().length];
    private final long[] firstSentAt = new long[EventName.values().length];
    private long deadline;
    private long[] lateness = new long[0];
    /** a 64-bit digest of each eventId seen, to tell a copy from a second event of the same type */
    private long[] seen = new long[0];
    private int redeliveries;

    static EventTally of(EventName... names) {
        EventTally tally = new EventTally();
        for (EventName name : names) {
            tally.add(name);
        }
        return tally;
    }

    synchronized void add(EventName name) {
        counts[name.ordinal()]++;
    }

    /**
     * A record of this type, created at {@code timestamp} and sent at {@code sentAt} (its record's timestamp;
     * epoch ms, 0 if unknown); a copy of an event already seen (same eventId) counts as a redelivery only.
     *
     * @return whether it is a new event, not a copy
     */
    synchronized boolean add(EventName name, long timestamp, long sentAt, String eventId) {
        if (eventId != null && !eventId.isEmpty()) {
            long digest = digest(eventId);
            for (long known : seen) {
                if (known == digest) {
                    redeliveries++;
                    return false;
                }
            }
            seen = Arrays.copyOf(seen, seen.length + 1);
            seen[seen.length - 1] = digest;
        }
        if (counts[name.ordinal()]++ == 0) {
            firstAt[name.ordinal()] = timestamp;
            firstSentAt[name.ordinal()] = sentAt;
        }
        return true;
    }

    private static long digest(String eventId) {
        try {
            UUID uuid = UUID.fromString(eventId);
            return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits() * 31;
        }
        catch (IllegalArgumentException notAUuid) {
            return eventId.hashCode() * 0x9E3779B97F4A7C15L + eventId.length();
        }
    }

    /** Records that repeated an event already on the topic. */
    synchronized int redeliveries() {
        return redeliveries;
    }

    /** From the first event of one type to the first of another, ms; empty unless both are there with a timestamp. */
    synchronized OptionalLong between(EventName from, EventName to) {
        long start = firstAt[from.ordinal()];
        long end = firstAt[to.ordinal()];
        return start > 0 && end > 0 ? OptionalLong.of(end - start) : OptionalLong.empty();
    }

    /**
     * How long the first event of a type waited in its service's outbox: from its timestamp to its record's,
     * ms; empty unless it is there with both.
     */
    synchronized OptionalLong publishDelay(EventName name) {
        long created = firstAt[name.ordinal()];
        long sent = firstSentAt[name.ordinal()];
        return created > 0 && sent > 0 ? OptionalLong.of(sent - created) : OptionalLong.empty();
    }

    /** The deadline its OrderCreated carries, epoch ms. */
    synchronized void deadline(long deadline) {
        this.deadline = deadline;
    }

    /**
     * Its events as the contract's rules read them: each event counted, at the time the first of its type was
     * created, copies already dropped (so without eventIds), and the points they moved unknown (the ledger has them).
     */
    synchronized List<TopicEvent> events() {
        List<TopicEvent> events = new ArrayList<>(total());
        for (EventName name : EventName.values()) {
            for (int i = 0; i < counts[name.ordinal()]; i++) {
                TopicEvent event = TopicEvent.of(name, null, firstAt[name.ordinal()]);
                events.add(name == EventName.ORDER_CREATED ? event.withDeadline(deadline) : event);
            }
        }
        return events;
    }

    /** A DeadlineReached fired {@code firedAt - deadline} ms after its due time. */
    synchronized void addDeadlineLateness(long millis) {
        lateness = Arrays.copyOf(lateness, lateness.length + 1);
        lateness[lateness.length - 1] = millis;
    }

    synchronized int count(EventName name) {
        return counts[name.ordinal()];
    }

    synchronized int total() {
        return IntStream.of(counts).sum();
    }

    synchronized long[] deadlineLateness() {
        return lateness.clone();
    }

    synchronized boolean hasDecision() {
        return count(EventName.ORDER_PLACED) > 0 || count(EventName.ORDER_REJECTED) > 0;
    }

    /** Approved, or its compensation chain has reached its last step: nothing more is to come. */
    synchronized boolean looksSettled() {
        return count(EventName.ORDER_PLACED) > 0 || count(EventName.POINT_USE_COMPENSATED) > 0;
    }
}
