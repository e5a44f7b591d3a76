package io.deadlinesaga.sagaview.timeline;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.deadlinesaga.messaging.support.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets the sagas that began longer ago than the retention (by default Kafka's own, 7 days: the topic no
 * longer holds their events either), so the view's store stays as large as the topic's window, whatever the
 * number of orders: every {@code interval}, a batch at a time, each saga with an event older than the
 * retention loses its events and its verdict.
 */
@Component
public class StoreRetention extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(StoreRetention.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Settings settings;

    StoreRetention(JdbcTemplate jdbc, TransactionTemplate transactions, Settings settings) {
        super("view-retention", settings.interval(), true);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /**
     * @param retention how long a saga is kept after it began
     * @param interval how often sagas older than that are looked for
     */
    @ConfigurationProperties("saga.view")
    public record Settings(@DefaultValue("7d") Duration retention, @DefaultValue("1m") Duration interval) {
    }

    /** Forgets every saga with an event written before {@code before}; returns how many sagas went. */
    public int forgetSagasBefore(long before) {
        int forgotten = 0;
        int batch;
        do {
            batch = transactions.execute(status -> forgetBatch(before));
            forgotten += batch;
        }
        while (batch > 0);
        return forgotten;
    }

    private int forgetBatch(long before) {
        Set<Long> orders = new LinkedHashSet<>(jdbc.queryForList("SELECT order_id FROM saga_event"
                + " WHERE written_at < ? ORDER BY written_at FETCH FIRST ? ROWS ONLY", Long.class, before, BATCH));
        if (orders.isEmpty()) {
            return 0;
        }
        // literal ids: H2 looks a row up in a set of constants, but compares it with parameters one by one
        String list = orders.stream().map(id -> Long.toString(id)).collect(Collectors.joining(","));
        jdbc.update("DELETE FROM saga_event WHERE order_id IN (" + list + ")");
        jdbc.update("DELETE FROM saga_verdict WHERE order_id IN (" + list + ")");
        return orders.size();
    }

    @Override
    protected void runOnce() {
        int forgotten = forgetSagasBefore(System.currentTimeMillis() - settings.retention().toMillis());
        if (forgotten > 0) {
            log.info("forgot {} sagas that began more than {} ago", forgotten, settings.retention());
        }
    }

}
