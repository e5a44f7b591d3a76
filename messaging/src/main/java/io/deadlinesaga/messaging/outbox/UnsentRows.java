package io.deadlinesaga.messaging.outbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's way through the table: claims the oldest unsent rows with {@code FOR UPDATE SKIP LOCKED}, so two
 * instances reading the table at once never both send a row; keeps a row back while an older row of its order is held elsewhere, so
 * each order's rows leave in the order they were appended; sends the rest and marks them sent, all in the
 * claiming transaction.
 */
final class UnsentRows {

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final TransactionTemplate transactions;
    private final int batchSize;

    UnsentRows(OutboxRepository repository, OutboxPublisher publisher, TransactionTemplate transactions, int batchSize) {
        this.repository = repository;
        this.publisher = publisher;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Sends and marks a batch of the unsent rows created up to {@code createdBefore}, but those {@code leftAlone}.
     */
    Batch relay(long createdBefore, Predicate<String> leftAlone) {
        return transactions.execute(status -> {
            List<OutboxMessage> claimed = repository.claimUnsent(createdBefore, batchSize).stream()
                    .filter(message -> !leftAlone.test(message.eventId())).toList();
            if (claimed.isEmpty()) {
                return new Batch(0, 0);
            }
            List<OutboxMessage> sendable = inOrderOfEachOrder(claimed);
            publisher.sendAll(sendable.stream().map(OutboxRow::of).toList());
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

    /**
     * @param claimed rows claimed (none: nothing unsent is left that this relay may send)
     * @param sent of those, the rows sent (fewer when some wait on an older row held elsewhere)
     */
    record Batch(int claimed, int sent) {

        boolean isFull(int batchSize) {
            return claimed == batchSize;
        }
    }
}
