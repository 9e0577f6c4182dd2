package dev.switchman.migrate;

import dev.switchman.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The run log ({@code migration_runs}): every attempt to migrate a database, and the quarantine it implies. */
public final class MigrationRuns {

    /** Results written to the log; only FAILED and DRY_RUN_FAILED quarantine a revision. */
    public enum Result {
        APPLIED, FAILED, DRY_RUN_FAILED, NOT_RUN;

        /** As the status API and the metrics write it: {@code applied}, {@code dry_run_failed}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A failed attempt at a revision: that revision is not tried again. */
    public record Failure(Result result, String script, String message, String backup) {
    }

    /**
     * One attempt, as the status API shows it.
     *
     * @param result null while the attempt is under way (or its runner died)
     * @param applied the versions this attempt applied
     */
    public record Run(long id, String revision, String runner, Instant startedAt, Instant finishedAt, Result result,
            List<String> applied, String failedScript, String message, String backup) {
    }

    private final DataSource store;

    public MigrationRuns(DataSource store) {
        this.store = store;
    }

    /** An attempt not tied to a physical database (a migration command Railway runs). */
    public long start(String environment, String database, String revision, String runner, Instant at) {
        return start(null, environment, database, revision, runner, at);
    }

    /** @param key the physical database the attempt is on, or null when unknown */
    public long start(DatabaseKey key, String environment, String database, String revision, String runner, Instant at) {
        String sql = """
                insert into migration_runs (database_key, environment, database_name, revision, runner, started_at)
                values (?, ?, ?, ?, ?, ?) returning id""";
        try (Connection connection = store.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key == null ? null : key.value());
            insert.setString(2, environment);
            insert.setString(3, database);
            insert.setString(4, revision);
            insert.setString(5, runner);
            insert.setTimestamp(6, Timestamp.from(at));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** @param applied versions applied by this run, comma-separated */
    public void finish(long id, Instant at, Result result, String applied, String failedScript, String message,
            String backup) {
        String sql = """
                update migration_runs set finished_at = ?, result = ?, applied = ?, failed_script = ?, message = ?,
                    backup = ? where id = ?""";
        try (Connection connection = store.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, result.name());
            update.setString(3, applied);
            update.setString(4, failedScript);
            update.setString(5, message);
            update.setString(6, backup);
            update.setLong(7, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /**
     * The failure that quarantines {@code revision} for the physical database {@code key}, whichever environment
     * attempted it, if the latest finished attempt at that revision failed. Rows written before the run log knew
     * physical databases count for their own environment and database.
     */
    public Optional<Failure> quarantined(DatabaseKey key, String environment, String database, String revision) {
        String sql = """
                select result, failed_script, message, backup from migration_runs
                where (database_key = ? or (database_key is null and environment = ? and database_name = ?))
                and revision = ? and finished_at is not null
                order by id desc limit 1""";
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key.value());
            select.setString(2, environment);
            select.setString(3, database);
            select.setString(4, revision);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !quarantines(Result.valueOf(row.getString(1)))) {
                    return Optional.empty();
                }
                return Optional.of(new Failure(Result.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                        row.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** The newest {@code limit} attempts for one database, newest first. */
    public List<Run> recent(String environment, String database, int limit) {
        String sql = """
                select id, revision, runner, started_at, finished_at, result, applied, failed_script, message, backup
                from migration_runs where environment = ? and database_name = ? order by id desc limit ?""";
        List<Run> runs = new ArrayList<>();
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, environment);
            select.setString(2, database);
            select.setInt(3, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp finished = row.getTimestamp(5);
                    String result = row.getString(6);
                    String applied = row.getString(7);
                    runs.add(new Run(row.getLong(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                            finished == null ? null : finished.toInstant(), result == null ? null : Result.valueOf(result),
                            applied == null || applied.isEmpty() ? List.of() : List.of(applied.split(",")),
                            row.getString(8), row.getString(9), row.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
        return runs;
    }

    private static boolean quarantines(Result result) {
        return result == Result.FAILED || result == Result.DRY_RUN_FAILED;
    }
}
