package io.deadlinesaga.messaging.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.deadlinesaga.messaging.support.PeriodicTask;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps an H2 file database compact while it runs. Each commit, or each group of commits ({@link H2GroupCommit}),
 * is written to the file as a chunk of its own, soon mostly dead: left alone with {@code WRITE_DELAY=0} (no
 * background writer of H2's own), a service's file grew by about 100 KB per order while its live data was under
 * 2 KB. H2's SQL has no
 * online compaction (only {@code SHUTDOWN COMPACT}), so every {@code interval} this asks the database's store
 * directly, through H2's own engine API, for what its background writer would do: under load, rewrite a little
 * of the sparsest chunks, so whole chunks fall free and are written over at once; at a quiet moment (nothing
 * committed since the last look), move the chunks together and cut the file's free tail, for about
 * {@code budget} (commits wait meanwhile). On any other database, or an in-memory one, it does nothing.
 */
public class H2FileCompaction extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    /** the share of a chunk that must be alive, or its live pages are rewritten elsewhere */
    private static final int TARGET_FILL_RATE = 80;
    /** how much one compaction under load may rewrite */
    private static final int REWRITE_BYTES = 1024 * 1024;

    private final JdbcTemplate jdbc;
    /** the store's version at the last look: unchanged means nothing was committed since */
    private volatile long lastVersion = -1;
    private final Duration budget;
    /** false once it is known that the database is no embedded H2 file */
    private volatile boolean applies = true;

    public H2FileCompaction(JdbcTemplate jdbc, Duration interval, Duration budget) {
        super("h2-compaction", interval, true);
        this.jdbc = jdbc;
        this.budget = budget;
    }

    /** Compacts the file now, for about the budget; false when the database is no embedded H2 file. */
    public boolean compact() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) H2FileCompaction.this::compact));
    }

    private boolean compact(Connection connection) throws SQLException {
        MVStore store = H2Stores.of(connection).orElse(null);
        if (store == null) {
            return false;
        }
        long start = System.nanoTime();
        long version = store.getCurrentVersion();
        boolean quiet = version == lastVersion;
        if (quiet) {
            // nothing committed since the last look: move the live chunks together and cut the file's free tail
            store.compactFile((int) budget.toMillis());
        }
        else {
            // under load, only a little at a time: rewrite the live pages of the sparsest chunks, so whole chunks
            // fall free and are written over (a move of chunks would keep commits waiting for too long)
            store.setRetentionTime(0);
            store.compact(TARGET_FILL_RATE, REWRITE_BYTES);
        }
        lastVersion = store.getCurrentVersion();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 2 * budget.toMillis()) {
            log.info("compacting the database file{} took {} ms (commits waited meanwhile)",
                    quiet ? " while quiet" : "", millis);
        }
        return true;
    }

    @Override
    protected void runOnce() {
        if (applies) {
            applies = compact();
        }
    }

}
