package io.deadlinesaga.messaging.outbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.deadlinesaga.messaging.persistence.Durability;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a row leaves, whoever sends it (a commit's hand-over or a read of the table, in any instance): in
 * one transaction, claim unsent rows with {@code FOR UPDATE SKIP LOCKED}; keep a row back while an older unsent row
 * of its order is not among them; send the rest and wait for the broker; mark them sent; commit. So a row is sent
 * only by the transaction that holds its lock and found it unsent, and its lock goes only with the commit that
 * marks it or with a rollback that leaves it unsent: two relays never both send a row, but for one the broker had
 * before its mark was lost (a crash or a failed commit after the send, a batch that failed after part of it
 * reached the broker), which goes again: at least once. And a row leaves only after every older row of its order
 * already committed: that row goes before it in the same batch, or was seen marked, which it is only once the
 * broker acknowledged it. Nor does a row leave before its commit is safe from a killed process ({@link Durability}):
 * a row seen committed may on H2 still wait for its group's write, and an event sent for a commit that a crash then
 * loses would tell the other services of something that never happened.
 */
final class UnsentRows {

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final TransactionTemplate transactions;
    private final Durability durability;
    private final int batchSize;

    UnsentRows(OutboxRepository repository, OutboxPublisher publisher, TransactionTemplate transactions,
            Durability durability, int batchSize) {
        this.repository = repository;
        this.publisher = publisher;
        this.transactions = transactions;
        this.durability = durability;
        this.batchSize = batchSize;
    }

    /** Sends and marks a batch of the oldest unsent rows created up to {@code createdBefore}. */
    Batch relayOldest(long createdBefore) {
        return relay(() -> repository.claimUnsent(createdBefore, batchSize));
    }

    /** Sends and marks those of these rows (a hand-over's) that nobody else holds or has sent. */
    Batch relayHandedOver(Collection<String> eventIds) {
        return relay(() -> repository.claimUnsentOf(eventIds));
    }

    private Batch relay(Supplier<List<OutboxMessage>> claim) {
        return transactions.execute(status -> {
            List<OutboxMessage> claimed = claim.get();
            if (claimed.isEmpty()) {
                return new Batch(0, 0);
            }
            List<OutboxMessage> sendable = inOrderOfEachOrder(claimed);
            durability.awaitSafe();
            publisher.sendAll(sendable.stream().map(OutboxMessage::row).toList());
            if (!sendable.isEmpty()) {
                repository.markSent(sendable.stream().map(OutboxMessage::id).toList(), System.currentTimeMillis());
            }
            return new Batch(claimed.size(), sendable.size());
        });
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
        for (OutboxRepository.Unsent row : repository.unsentUpTo(maxId)) {
            if (orderIds.contains(row.orderId()) && !claimedIds.contains(row.id())) {
                oldestForeignRow.merge(row.orderId(), row.id(), Math::min);
            }
        }
        if (oldestForeignRow.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(message -> message.id() < oldestForeignRow.getOrDefault(message.orderId(), Long.MAX_VALUE))
                .toList();
    }

    /**
     * @param claimed rows claimed (none: nothing unsent is left that this relay may send)
     * @param sent of those, the rows sent (fewer when some wait on an older row held elsewhere)
     */
    record Batch(int claimed, int sent) {

        boolean isFull(int batchSize) {
            return claimed == batchSize;
        }

        /** Whether a claimed row was kept back, to wait for an older row of its order. */
        boolean keptBack() {
            return sent < claimed;
        }
    }
}
