package io.deadlinesaga.messaging.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** The store under an embedded H2 file database, reached through H2's own engine API (its SQL offers no such control). */
final class H2Stores {

    private H2Stores() {
    }

    /** The store of the connection's database; empty on any other database, or an in-memory H2 one. */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().isPersistent()) {
            return Optional.of(session.getDatabase().getStore().getMvStore());
        }
        return Optional.empty();
    }

    /** The store of the data source's database, as {@link #of(Connection)}. */
    static Optional<MVStore> of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot reach the database to see what it is: " + ex.getMessage(), ex);
        }
    }
}
