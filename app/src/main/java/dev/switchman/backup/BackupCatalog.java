package dev.switchman.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The backup catalog (one row per backup and destination, V22) and drill results in the state store (V7). */
public final class BackupCatalog {

    private static final String COLUMNS = "id, project, environment, database_name, name, reason, status,"
            + " destination, size_bytes, sha256, started_at, finished_at, error, verified_at";

    private final DataSource dataSource;

    public BackupCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an attempt that has started; it counts for nothing until {@link #completed}. */
    public long started(String project, String environment, String database, String name, BackupReason reason,
            String destination, String revision, Instant at) {
        return update("""
                insert into backups (project, environment, database_name, name, reason, status, destination,
                    revision, started_at) values (?, ?, ?, ?, ?, 'running', ?, ?, ?) returning id""",
                project, environment, database, name, reason.label(), destination, revision, Timestamp.from(at));
    }

    public void completed(long id, BackupManifest manifest, Instant at) {
        update("""
                update backups set status = 'completed', size_bytes = ?, sha256 = ?, server_version = ?,
                    finished_at = ? where id = ? returning id""",
                manifest.sizeBytes(), manifest.sha256(), manifest.serverVersion(), Timestamp.from(at), id);
    }

    public void failed(long id, String error, Instant at) {
        update("update backups set status = 'failed', error = ?, finished_at = ? where id = ? returning id",
                error, Timestamp.from(at), id);
    }

    public void verified(long id, Instant at) {
        update("update backups set verified_at = ? where id = ? returning id", Timestamp.from(at), id);
    }

    public void deleted(long id, Instant at) {
        update("update backups set status = 'deleted', deleted_at = ? where id = ? returning id",
                Timestamp.from(at), id);
    }

    public void drill(long backupId, Instant startedAt, Duration duration, boolean passed, String message) {
        update("""
                insert into backup_drills (backup_id, started_at, duration_ms, passed, message)
                values (?, ?, ?, ?, ?) returning id""",
                backupId, Timestamp.from(startedAt), duration.toMillis(), passed, message);
    }

    /** Every attempt for one database, newest first. */
    public List<CatalogEntry> entries(String project, String environment, String database) {
        return query("select " + COLUMNS + " from backups where project = ? and environment = ? and database_name = ?"
                + " order by started_at desc, id desc", project, environment, database);
    }

    /** The newest attempt of one database for {@code reason}, whatever its status. */
    public Optional<CatalogEntry> newest(String project, String environment, String database, BackupReason reason) {
        return query("select " + COLUMNS + " from backups where project = ? and environment = ? and database_name = ?"
                + " and reason = ? order by started_at desc, id desc limit 1", project, environment, database,
                reason.label()).stream().findFirst();
    }

    /**
     * Marks every attempt still {@code running} that started before {@code startedBefore} as
     * {@code abandoned} (its process died: nothing will finish it) with {@code error}; returns them.
     */
    public List<CatalogEntry> abandonRunning(Instant startedBefore, String error, Instant at) {
        return query("update backups set status = 'abandoned', error = ?, finished_at = ? where status = 'running'"
                + " and started_at < ? returning " + COLUMNS, error, Timestamp.from(at), Timestamp.from(startedBefore));
    }

    /** The latest drills of one database, newest first: {@code [passed, message, startedAt]}. */
    public List<DrillRecord> drills(String project, String environment, String database, int limit) {
        List<DrillRecord> drills = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select d.started_at, d.duration_ms, d.passed, d.message, b.name from backup_drills d
                        join backups b on b.id = d.backup_id where b.project = ? and b.environment = ?
                        and b.database_name = ? order by d.started_at desc, d.id desc limit ?""")) {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, database);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    drills.add(new DrillRecord(instant(r, 1), Duration.ofMillis(r.getLong(2)), r.getBoolean(3),
                            r.getString(4), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new BackupException("backup catalog: " + e.getMessage(), e);
        }
        return drills;
    }

    /** One restore drill's result. */
    public record DrillRecord(Instant startedAt, Duration duration, boolean passed, String message, String backup) {
    }

    private List<CatalogEntry> query(String sql, Object... values) {
        List<CatalogEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new CatalogEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), BackupReason.fromLabel(r.getString(6)), r.getString(7), r.getString(8),
                            (Long) r.getObject(9), r.getString(10), instant(r, 11), instant(r, 12), r.getString(13),
                            instant(r, 14)));
                }
            }
        } catch (SQLException e) {
            throw new BackupException("backup catalog: " + e.getMessage(), e);
        }
        return entries;
    }

    private long update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new BackupException("backup catalog: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
