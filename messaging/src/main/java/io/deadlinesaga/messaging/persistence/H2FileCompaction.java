package io.deadlinesaga.messaging.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Keeps an H2 file database compact while it runs. With {@code WRITE_DELAY=0} each commit is written to the
 * file before it returns (so a killed process loses nothing it committed), but H2 then has no background
 * writer, and the background writer is what rewrites mostly-dead chunks and moves live ones to the front: left
 * alone, the file grew by about 100 KB per order while its live data was under 2 KB. H2's SQL has no online
 * compaction (only {@code SHUTDOWN COMPACT}), so this asks the database's store directly, through H2's own
 * engine API, for what its background writer would do: rewrite sparse chunks, move chunks together and cut the
 * file's free tail, for at most {@code budget} at a time (commits wait meanwhile).
 */
public final class H2FileCompaction {

    private H2FileCompaction() {
    }

    /** Whether the connection is to an embedded H2 database this process runs (not a server, not another engine). */
    public static boolean applies(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
    }

    /** Compacts the database file of the connection for about {@code budget}. */
    public static void compact(Connection connection, Duration budget) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        if (session.getDatabase().isPersistent()) {
            session.getDatabase().getStore().compactFile((int) budget.toMillis());
        }
    }
}
