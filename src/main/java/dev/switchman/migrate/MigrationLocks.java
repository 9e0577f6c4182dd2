package dev.switchman.migrate;

import dev.switchman.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Leases in the state store ({@code migration_locks}): one holder per environment and database at a
 * time, for {@code lockTimeout}. A lease that expired (its runner crashed or hung) is taken over by
 * the next runner; a lease is only released by its holder. Flyway's own advisory lock on the
 * application database stays a second guard while a migration outlives its lease.
 */
public final class MigrationLocks {

    /** Who holds a database's lease, until when. */
    public record Lease(String holder, Instant expiresAt) {
    }

    private final DataSource store;

    public MigrationLocks(DataSource store) {
        this.store = store;
    }

    /**
     * Takes the lease for {@code holder} if it is free, expired at {@code now}, or already {@code holder}'s;
     * returns the lease in force afterwards (the caller holds it when its holder is {@code holder}).
     */
    public Lease acquire(String environment, String database, String holder, Instant now, Duration timeout) {
        String sql = """
                insert into migration_locks (environment, database_name, holder, acquired_at, expires_at)
                values (?, ?, ?, ?, ?)
                on conflict (environment, database_name) do update
                set holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                where migration_locks.expires_at <= excluded.acquired_at or migration_locks.holder = excluded.holder""";
        try (Connection connection = store.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, environment);
            insert.setString(2, database);
            insert.setString(3, holder);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(timeout)));
            if (insert.executeUpdate() == 1) {
                return new Lease(holder, now.plus(timeout));
            }
            return current(connection, environment, database).orElseGet(() -> new Lease("(released meanwhile)", now));
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** Gives the lease back; does nothing when {@code holder} no longer holds it (it expired and was taken over). */
    public void release(String environment, String database, String holder) {
        String sql = "delete from migration_locks where environment = ? and database_name = ? and holder = ?";
        try (Connection connection = store.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, environment);
            delete.setString(2, database);
            delete.setString(3, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** The lease on a database as it stands (possibly expired and not yet taken over), if any. */
    public Optional<Lease> current(String environment, String database) {
        try (Connection connection = store.getConnection()) {
            return current(connection, environment, database);
        } catch (SQLException e) {
            throw new StoreException("select from migration_locks", e);
        }
    }

    private static Optional<Lease> current(Connection connection, String environment, String database) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select holder, expires_at from migration_locks where environment = ? and database_name = ?")) {
            select.setString(1, environment);
            select.setString(2, database);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Lease(row.getString(1), row.getTimestamp(2).toInstant())) : Optional.empty();
            }
        }
    }
}
