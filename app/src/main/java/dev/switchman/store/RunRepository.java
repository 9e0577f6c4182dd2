package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reconcile runs: started, then finished with a result. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS =
            "id, project, environment, revision, provenance, trigger, started_at, finished_at, result,"
                    + " summary::text as summary, error";

    private final Jdbc jdbc;

    public RunRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records that a run began and returns its id. */
    public long start(String project, String environment, String revision, String trigger, Instant startedAt) {
        return start(project, environment, revision, null, trigger, startedAt);
    }

    /** @param provenance the commit or content revision {@code revision} (the environment's fingerprint) was read at */
    public long start(String project, String environment, String revision, String provenance, String trigger,
            Instant startedAt) {
        return jdbc.insert("""
                insert into reconcile_runs (project, environment, revision, provenance, trigger, started_at)
                values (?, ?, ?, ?, ?, ?) returning id""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, revision);
            s.setString(4, provenance);
            s.setString(5, trigger);
            Jdbc.setInstant(s, 6, startedAt);
        });
    }

    /** Records how a run ended; {@code summaryJson} must be a JSON object or null. */
    public void finish(long id, Instant finishedAt, String result, String summaryJson, String error) {
        int updated = jdbc.update("""
                update reconcile_runs set finished_at = ?, result = ?, summary = ?::jsonb, error = ?
                where id = ?""", s -> {
            Jdbc.setInstant(s, 1, finishedAt);
            s.setString(2, result);
            s.setString(3, summaryJson);
            s.setString(4, error);
            s.setLong(5, id);
        });
        if (updated != 1) {
            throw new IllegalArgumentException("no reconcile run with id " + id);
        }
    }

    public Optional<ReconcileRun> find(long id) {
        return jdbc.queryOne("select " + COLUMNS + " from reconcile_runs where id = ?",
                s -> s.setLong(1, id), RunRepository::map);
    }

    /** The latest runs of one environment, newest first. */
    public List<ReconcileRun> recent(String project, String environment, int limit) {
        return jdbc.query("select " + COLUMNS + """
                 from reconcile_runs where project = ? and environment = ?
                order by started_at desc, id desc limit ?""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setInt(3, limit);
        }, RunRepository::map);
    }

    private static ReconcileRun map(ResultSet row) throws SQLException {
        return new ReconcileRun(row.getLong("id"), row.getString("project"), row.getString("environment"),
                row.getString("revision"), row.getString("provenance"), row.getString("trigger"),
                Jdbc.instant(row, "started_at"),
                Jdbc.instant(row, "finished_at"), row.getString("result"), row.getString("summary"),
                row.getString("error"));
    }
}
