package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.sql.DataSource;

/** One last-applied snapshot per environment; saving replaces the previous one. */
@ApplicationScoped
public class LastAppliedRepository {

    private final Jdbc jdbc;

    public LastAppliedRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void save(LastApplied applied) {
        jdbc.update("""
                insert into last_applied (project, environment, snapshot, revision, applied_at)
                values (?, ?, ?::jsonb, ?, ?)
                on conflict (project, environment)
                do update set snapshot = excluded.snapshot, revision = excluded.revision, applied_at = excluded.applied_at""",
                s -> {
                    s.setString(1, applied.project());
                    s.setString(2, applied.environment());
                    s.setString(3, applied.snapshotJson());
                    s.setString(4, applied.revision());
                    Jdbc.setInstant(s, 5, applied.appliedAt());
                });
    }

    public Optional<LastApplied> find(String project, String environment) {
        return jdbc.queryOne("""
                select project, environment, snapshot::text as snapshot, revision, applied_at
                from last_applied where project = ? and environment = ?""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }, row -> new LastApplied(row.getString("project"), row.getString("environment"),
                row.getString("snapshot"), row.getString("revision"), Jdbc.instant(row, "applied_at")));
    }
}
