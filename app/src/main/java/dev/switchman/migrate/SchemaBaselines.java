package dev.switchman.migrate;

import dev.switchman.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Schema fingerprints in the state store (V21): per physical database the schema recorded right after the
 * last migration ({@code schema_baselines}), and per environment's database the drift state last reported
 * ({@code schema_drift_states}).
 */
public final class SchemaBaselines {

    /** The schema after the last migration. @param recordedBy {@code environment database} that recorded it */
    public record Baseline(SchemaSnapshot schema, String migratedTo, String recordedBy, Instant recordedAt) {
    }

    /** What was last reported for an environment's database. @param state {@link #IN_SYNC} or a fingerprint */
    public record Reported(String state, List<String> differences, Instant checkedAt) {
    }

    public static final String IN_SYNC = "in sync";

    private final DataSource store;

    public SchemaBaselines(DataSource store) {
        this.store = store;
    }

    public Optional<Baseline> baseline(DatabaseKey key) {
        return query("select objects, migrated_to, recorded_by, recorded_at from schema_baselines where database_key = ?",
                r -> new Baseline(SchemaSnapshot.parse(r.getString(1)), r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant()), key.value());
    }

    public void record(DatabaseKey key, Baseline baseline) {
        update("""
                insert into schema_baselines (database_key, fingerprint, objects, migrated_to, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?) on conflict (database_key) do update set fingerprint = excluded.fingerprint,
                objects = excluded.objects, migrated_to = excluded.migrated_to, recorded_by = excluded.recorded_by,
                recorded_at = excluded.recorded_at""", key.value(), baseline.schema().fingerprint(),
                baseline.schema().text(), baseline.migratedTo(), baseline.recordedBy(),
                Timestamp.from(baseline.recordedAt()));
    }

    public Optional<Reported> reported(String environment, String database) {
        return query("select state, differences, checked_at from schema_drift_states where environment = ?"
                + " and database_name = ?", r -> new Reported(r.getString(1), r.getString(2).lines().toList(),
                        r.getTimestamp(3).toInstant()), environment, database);
    }

    public void report(String environment, String database, Reported reported) {
        update("""
                insert into schema_drift_states (environment, database_name, state, differences, checked_at)
                values (?, ?, ?, ?, ?) on conflict (environment, database_name) do update set state = excluded.state,
                differences = excluded.differences, checked_at = excluded.checked_at""", environment, database,
                reported.state(), String.join("\n", reported.differences()), Timestamp.from(reported.checkedAt()));
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Row<T> row, Object... values) {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row.read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }
}
