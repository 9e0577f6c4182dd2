package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Rollouts, last-known-good deployments and quarantined revisions (Flyway V4, V8, V9). */
@ApplicationScoped
public class RolloutRepository {

    private final Jdbc jdbc;

    public RolloutRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public long start(String project, String environment, String revision, String servicesJson, Instant at) {
        return start(project, environment, revision, null, servicesJson, null, at);
    }

    /**
     * @param provenance the commit or content revision the environment's fingerprint was read at, or null
     * @param owner who follows the rollout: null for the daemon, otherwise the command doing it by hand
     */
    public long start(String project, String environment, String revision, String provenance, String servicesJson,
            String owner, Instant at) {
        return jdbc.insert("""
                insert into rollouts (project, environment, revision, provenance, state, services, owner, started_at,
                updated_at) values (?, ?, ?, ?, 'InProgress', ?::jsonb, ?, ?, ?) returning id""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, revision);
            s.setString(4, provenance);
            s.setString(5, servicesJson);
            s.setString(6, owner);
            Jdbc.setInstant(s, 7, at);
            Jdbc.setInstant(s, 8, at);
        });
    }

    /** A rollout now follows {@code revision}: a newer fingerprint that changed nothing Railway runs adopted it. */
    public void adopt(long id, String revision, String provenance, Instant at) {
        jdbc.update("update rollouts set revision = ?, provenance = ?, updated_at = ? where id = ?", s -> {
            s.setString(1, revision);
            s.setString(2, provenance);
            Jdbc.setInstant(s, 3, at);
            s.setLong(4, id);
        });
    }

    /** The daemon takes over a rollout whose owner stopped following it. */
    public void takeOver(long id, Instant at) {
        jdbc.update("update rollouts set owner = null, updated_at = ? where id = ?", s -> {
            Jdbc.setInstant(s, 1, at);
            s.setLong(2, id);
        });
    }

    public void update(long id, String state, String verdict, String reason, String servicesJson, Instant at) {
        jdbc.update("""
                update rollouts set state = ?, verdict = ?, reason = ?, services = ?::jsonb, updated_at = ?
                where id = ?""", s -> {
            s.setString(1, state);
            s.setString(2, verdict);
            s.setString(3, reason);
            s.setString(4, servicesJson);
            Jdbc.setInstant(s, 5, at);
            s.setLong(6, id);
        });
    }

    public List<RolloutRow> recent(String project, String environment, int limit) {
        return jdbc.query("""
                select * from rollouts where project = ? and environment = ? order by id desc limit ?""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setInt(3, limit);
        }, RolloutRepository::rollout);
    }

    public void markGood(String project, String environment, String service, String deploymentId, String revision,
            Instant at) {
        jdbc.update("""
                insert into last_known_good (project, environment, service, deployment_id, revision, verified_at)
                values (?, ?, ?, ?, ?, ?) on conflict (project, environment, service, deployment_id)
                do update set verified_at = excluded.verified_at""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, service);
            s.setString(4, deploymentId);
            s.setString(5, revision);
            Jdbc.setInstant(s, 6, at);
        });
    }

    /** The newest verified deployment of the service other than {@code excluding} (may be null). */
    public Optional<String> lastGood(String project, String environment, String service, String excluding) {
        return jdbc.queryOne("""
                select deployment_id from last_known_good where project = ? and environment = ? and service = ?
                and deployment_id <> ? order by verified_at desc limit 1""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, service);
            s.setString(4, excluding == null ? "" : excluding);
        }, row -> row.getString(1));
    }

    /** Whether a rollout (or rollback) of the environment recorded this deployment id. */
    public boolean made(String project, String environment, String deploymentId) {
        return jdbc.queryOne("""
                select 1 from rollouts where project = ? and environment = ? and position(? in services::text) > 0
                union all select 1 from last_known_good where project = ? and environment = ? and deployment_id = ?
                limit 1""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, '"' + deploymentId + '"');
            s.setString(4, project);
            s.setString(5, environment);
            s.setString(6, deploymentId);
        }, row -> true).isPresent();
    }

    public void quarantine(Quarantine quarantine) {
        jdbc.update("""
                insert into quarantined_revisions (project, environment, revision, reason, quarantined_at,
                migration_failed, provenance) values (?, ?, ?, ?, ?, ?, ?) on conflict (project, environment) do update
                set revision = excluded.revision, reason = excluded.reason, quarantined_at = excluded.quarantined_at,
                migration_failed = excluded.migration_failed, provenance = excluded.provenance""", s -> {
            s.setString(1, quarantine.project());
            s.setString(2, quarantine.environment());
            s.setString(3, quarantine.revision());
            s.setString(4, quarantine.reason());
            Jdbc.setInstant(s, 5, quarantine.at());
            s.setBoolean(6, quarantine.migrationFailed());
            s.setString(7, quarantine.provenance());
        });
    }

    public Optional<Quarantine> quarantined(String project, String environment) {
        return jdbc.queryOne("select * from quarantined_revisions where project = ? and environment = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }, row -> new Quarantine(row.getString("project"), row.getString("environment"), row.getString("revision"),
                row.getString("reason"), Jdbc.instant(row, "quarantined_at"), row.getBoolean("migration_failed"),
                row.getString("provenance")));
    }

    /** @return whether a quarantine was lifted */
    public boolean lift(String project, String environment) {
        return jdbc.update("delete from quarantined_revisions where project = ? and environment = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }) > 0;
    }

    private static RolloutRow rollout(ResultSet row) throws SQLException {
        return new RolloutRow(row.getLong("id"), row.getString("project"), row.getString("environment"),
                row.getString("revision"), row.getString("state"), row.getString("verdict"), row.getString("reason"),
                row.getString("services"), Jdbc.instant(row, "started_at"), Jdbc.instant(row, "updated_at"),
                row.getString("provenance"), row.getString("owner"));
    }
}
