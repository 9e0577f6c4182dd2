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
 * Leases in the state store ({@code migration_locks}): one holder per physical database
 * ({@link DatabaseKey}) at a time, whichever environment asks, for {@code lockTimeout}. A lease that
 * expired (its runner crashed or hung) is taken over by the next runner; a lease is only released by its
 * holder, and a holder renews it between steps so a slow step does not outlive it unnoticed. Flyway's own
 * advisory lock on the application database stays a second guard.
 */
public final class MigrationLocks {

    /** Who holds a database's lease, until when, and for which environment's database. */
    public record Lease(String holder, Instant expiresAt, String environment, String database) {
    }

    private final DataSource store;

    public MigrationLocks(DataSource store) {
        this.store = store;
    }

    /**
     * Takes the lease on {@code key} for {@code holder} if it is free, expired at {@code now}, or already
     * {@code holder}'s; returns the lease in force afterwards (the caller holds it when its holder is {@code holder}).
     *
     * @param environment {@code project/name} asking, and {@code database} its name for the database: shown, not keyed
     */
    public Lease acquire(DatabaseKey key, String environment, String database, String holder, Instant now,
            Duration timeout) {
        String sql = """
                insert into migration_locks (database_key, environment, database_name, holder, acquired_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (database_key) do update
                set environment = excluded.environment, database_name = excluded.database_name, holder = excluded.holder,
                    acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                where migration_locks.expires_at <= excluded.acquired_at or migration_locks.holder = excluded.holder""";
        try (Connection connection = store.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.value());
            insert.setString(2, environment);
            insert.setString(3, database);
            insert.setString(4, holder);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now.plus(timeout)));
            if (insert.executeUpdate() == 1) {
                return new Lease(holder, now.plus(timeout), environment, database);
            }
            return current(connection, key)
                    .orElseGet(() -> new Lease("(released meanwhile)", now, environment, database));
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** Extends {@code holder}'s lease to {@code now + timeout}; false when another runner took it over meanwhile. */
    public boolean renew(DatabaseKey key, String holder, Instant now, Duration timeout) {
        String sql = "update migration_locks set expires_at = ? where database_key = ? and holder = ?";
        try (Connection connection = store.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(now.plus(timeout)));
            update.setString(2, key.value());
            update.setString(3, holder);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** Gives the lease back; does nothing when {@code holder} no longer holds it (it expired and was taken over). */
    public void release(DatabaseKey key, String holder) {
        String sql = "delete from migration_locks where database_key = ? and holder = ?";
        try (Connection connection = store.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, key.value());
            delete.setString(2, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** The lease on a database as it stands (possibly expired and not yet taken over), if any. */
    public Optional<Lease> current(DatabaseKey key) {
        try (Connection connection = store.getConnection()) {
            return current(connection, key);
        } catch (SQLException e) {
            throw new StoreException("select from migration_locks", e);
        }
    }

    private static Optional<Lease> current(Connection connection, DatabaseKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select holder, expires_at, environment, database_name from migration_locks where database_key = ?")) {
            select.setString(1, key.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Lease(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getString(3), row.getString(4))) : Optional.empty();
            }
        }
    }
}
