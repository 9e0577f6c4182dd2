package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Suspensions and reconcile requests per environment; the leading replica reads them every tick. */
@ApplicationScoped
public class EnvironmentControlRepository {

    private static final String SELECT = """
            select project, environment, suspended, suspended_at, suspend_reason, reconcile_requested_at
            from environment_controls""";

    private final Jdbc jdbc;

    public EnvironmentControlRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void suspend(String project, String environment, Instant at, String reason) {
        jdbc.update("""
                insert into environment_controls (project, environment, suspended, suspended_at, suspend_reason)
                values (?, ?, true, ?, ?)
                on conflict (project, environment) do update set suspended = true,
                    suspended_at = excluded.suspended_at, suspend_reason = excluded.suspend_reason""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            Jdbc.setInstant(s, 3, at);
            s.setString(4, reason);
        });
    }

    public void resume(String project, String environment) {
        jdbc.update("""
                update environment_controls set suspended = false, suspended_at = null, suspend_reason = null
                where project = ? and environment = ?""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        });
    }

    public void requestReconcile(String project, String environment, Instant at) {
        jdbc.update("""
                insert into environment_controls (project, environment, reconcile_requested_at) values (?, ?, ?)
                on conflict (project, environment) do update
                set reconcile_requested_at = excluded.reconcile_requested_at""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            Jdbc.setInstant(s, 3, at);
        });
    }

    public Optional<EnvironmentControl> find(String project, String environment) {
        return jdbc.queryOne(SELECT + " where project = ? and environment = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }, EnvironmentControlRepository::map);
    }

    public List<EnvironmentControl> list() {
        return jdbc.query(SELECT + " order by project, environment", s -> { }, EnvironmentControlRepository::map);
    }

    private static EnvironmentControl map(ResultSet row) throws SQLException {
        return new EnvironmentControl(row.getString("project"), row.getString("environment"),
                row.getBoolean("suspended"), Jdbc.instant(row, "suspended_at"), row.getString("suspend_reason"),
                Jdbc.instant(row, "reconcile_requested_at"));
    }
}
