package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** Services held on their last verified source (Flyway V9). */
@ApplicationScoped
public class HoldRepository {

    private final Jdbc jdbc;

    public HoldRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Holds the service (again): a newer hold of one service replaces the older. */
    public void hold(Hold hold) {
        jdbc.update("""
                insert into held_services (project, environment, service, revision, deployment_id, image, commit_sha,
                reason, held_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (project, environment, service)
                do update set revision = excluded.revision, deployment_id = excluded.deployment_id,
                image = excluded.image, commit_sha = excluded.commit_sha, reason = excluded.reason,
                held_at = excluded.held_at""", s -> {
            s.setString(1, hold.project());
            s.setString(2, hold.environment());
            s.setString(3, hold.service());
            s.setString(4, hold.revision());
            s.setString(5, hold.deploymentId());
            s.setString(6, hold.image());
            s.setString(7, hold.commitSha());
            s.setString(8, hold.reason());
            Jdbc.setInstant(s, 9, hold.at());
        });
    }

    public List<Hold> held(String project, String environment) {
        return jdbc.query("select * from held_services where project = ? and environment = ? order by service", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }, row -> new Hold(row.getString("project"), row.getString("environment"), row.getString("service"),
                row.getString("revision"), row.getString("deployment_id"), row.getString("image"),
                row.getString("commit_sha"), row.getString("reason"), Jdbc.instant(row, "held_at")));
    }

    public void release(String project, String environment, String service) {
        jdbc.update("delete from held_services where project = ? and environment = ? and service = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, service);
        });
    }
}
