package io.deadlinesaga.messaging;

import java.util.List;

import io.deadlinesaga.messaging.persistence.H2FileCompaction;
import io.deadlinesaga.messaging.support.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sent outbox rows and processed inbox rows once they are older than the retention, a batch at a
 * time and along an index, so the tables do not grow without bound and a prune costs what it deletes, not
 * what is kept. Unsent, pending and failed rows are never deleted. (On H2, {@link H2FileCompaction} then gives
 * the space back.)
 */
public class Housekeeping extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private static final OldRows SENT_OUTBOX_ROWS = new OldRows("outbox_message", "sent_at IS NOT NULL", "sent_at",
            "sent_at");
    // an inbox row counts from when it was due (received, or retried): only a retried one was processed later
    private static final OldRows PROCESSED_INBOX_ROWS = new OldRows("inbox_event", "status = 'DONE'", "not_before",
            "status, not_before");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Housekeeping settings;

    Housekeeping(JdbcTemplate jdbc, TransactionTemplate transactions, MessagingProperties properties) {
        super("housekeeping", properties.housekeeping().interval(), true);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.housekeeping();
    }

    /** Deletes what is older than the retention at {@code now}; returns how many rows went. */
    public int pruneOlderThanRetention(long now) {
        long before = now - settings.retention().toMillis();
        return deleteAll(SENT_OUTBOX_ROWS, before) + deleteAll(PROCESSED_INBOX_ROWS, before);
    }

    /** Deletes the rows older than {@code before}, oldest first, about a batch in each transaction. */
    private int deleteAll(OldRows rows, long before) {
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                List<Long> lastOfBatch = jdbc.queryForList(rows.lastOfBatch(), Long.class, before,
                        settings.batchSize() - 1);
                // a full batch, and more with the last one's time; or all that is left, fewer than a batch
                return jdbc.update(rows.deleteUpTo(), lastOfBatch.isEmpty() ? before - 1 : lastOfBatch.get(0));
            });
            total += batch;
        }
        while (batch >= settings.batchSize() && !isClosed());
        return total;
    }

    @Override
    protected void runOnce() {
        int deleted = pruneOlderThanRetention(System.currentTimeMillis());
        if (deleted > 0) {
            log.info("housekeeping deleted {} sent outbox and processed inbox rows older than {}", deleted,
                    settings.retention());
        }
    }

    /**
     * The rows of {@code table} that {@code scope} and a time column select, read in the order of an index
     * ({@code indexOrder}), so that finding a batch and deleting it read only the rows deleted, however many
     * younger ones are kept.
     */
    private record OldRows(String table, String scope, String time, String indexOrder) {

        /** The time of the batch's last row (parameters: before, batch size - 1); none if fewer rows are left. */
        String lastOfBatch() {
            return "SELECT " + time + " FROM " + table + " WHERE " + scope + " AND " + time + " < ? ORDER BY "
                    + indexOrder + " OFFSET ? ROWS FETCH NEXT 1 ROW ONLY";
        }

        /** Deletes up to and with a time (parameter). */
        String deleteUpTo() {
            return "DELETE FROM " + table + " WHERE " + scope + " AND " + time + " <= ?";
        }
    }

}
