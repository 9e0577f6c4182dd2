package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The history of desired-state loads, one row per revision change. */
@ApplicationScoped
public class DesiredStateLoadRepository {

    private static final String SELECT =
            "select id, revision, loaded_at, valid, error_count, diagnostics::text as diagnostics from desired_state_loads";

    private final Jdbc jdbc;

    public DesiredStateLoadRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores the load (its id is ignored) and returns the id it got. */
    public long record(DesiredStateLoad load) {
        return jdbc.insert("""
                insert into desired_state_loads (revision, loaded_at, valid, error_count, diagnostics)
                values (?, ?, ?, ?, ?::jsonb) returning id""", s -> {
            s.setString(1, load.revision());
            Jdbc.setInstant(s, 2, load.loadedAt());
            s.setBoolean(3, load.valid());
            s.setInt(4, load.errorCount());
            s.setString(5, load.diagnosticsJson());
        });
    }

    public Optional<DesiredStateLoad> latest() {
        return recent(1).stream().findFirst();
    }

    /** The latest loads, newest first. */
    public List<DesiredStateLoad> recent(int limit) {
        return jdbc.query(SELECT + " order by loaded_at desc, id desc limit ?", s -> s.setInt(1, limit),
                DesiredStateLoadRepository::map);
    }

    /** The latest load of {@code revision}, if it was ever recorded. */
    public Optional<DesiredStateLoad> latestOf(String revision) {
        return jdbc.queryOne(SELECT + " where revision = ? order by loaded_at desc, id desc limit 1",
                s -> s.setString(1, revision), DesiredStateLoadRepository::map);
    }

    private static DesiredStateLoad map(ResultSet row) throws SQLException {
        return new DesiredStateLoad(row.getLong("id"), row.getString("revision"), Jdbc.instant(row, "loaded_at"),
                row.getBoolean("valid"), row.getInt("error_count"), row.getString("diagnostics"));
    }
}
