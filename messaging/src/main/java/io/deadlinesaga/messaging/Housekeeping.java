package io.deadlinesaga.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.deadlinesaga.messaging.support.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sent outbox rows and processed inbox rows once they are older than the retention, a batch at a
 * time, so the tables do not grow without bound. Unsent, pending and failed rows are never deleted. On H2 it
 * then compacts the database file: H2 writes every commit to the file as a new chunk, and with
 * {@code WRITE_DELAY=0} (each commit in the file before it returns) it has no background writer, the one that
 * would otherwise move live pages out of mostly-dead chunks so their space is used again.
 */
public class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MessagingProperties.Housekeeping settings;
    private ScheduledExecutorService scheduler;
    /** whether the database is H2, known at the first prune */
    private Boolean h2;
    private volatile boolean running;

    Housekeeping(JdbcTemplate jdbc, TransactionTemplate transactions, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.housekeeping();
    }

    /** Deletes what is older than the retention at {@code now}; returns how many rows went. */
    public int pruneOlderThanRetention(long now) {
        long before = now - settings.retention().toMillis();
        int deleted = 0;
        deleted += deleteAll("DELETE FROM outbox_message WHERE id IN (SELECT id FROM outbox_message"
                + " WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY id LIMIT ?)", before);
        deleted += deleteAll("DELETE FROM inbox_event WHERE seq IN (SELECT seq FROM inbox_event"
                + " WHERE status = 'DONE' AND processed_at < ? ORDER BY seq LIMIT ?)", before);
        return deleted;
    }

    private int deleteAll(String sql, long before) {
        int total = 0;
        int batch;
        do {
            batch = transactions.execute(status -> jdbc.update(sql, before, settings.batchSize()));
            total += batch;
        }
        while (batch == settings.batchSize() && running);
        return total;
    }

    private void prune() {
        try {
            int deleted = pruneOlderThanRetention(System.currentTimeMillis());
            if (deleted > 0) {
                log.info("housekeeping deleted {} sent outbox and processed inbox rows older than {}", deleted,
                        settings.retention());
            }
            if (isH2()) {
                jdbc.execute("CHECKPOINT");
            }
        }
        catch (RuntimeException ex) {
            log.warn("housekeeping failed, next try in {}: {}", settings.interval(), ex.toString());
        }
    }

    private boolean isH2() {
        if (h2 == null) {
            h2 = "H2".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
        }
        return h2;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("housekeeping"));
        running = true;
        long interval = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::prune, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
