package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Prunes the history tables by age and by count per environment, always keeping what is still referred to:
 * the run the status shows, the events and rollouts of a quarantined revision or a held service, the rollout
 * that made each service's current last-known-good deployment, the newest rollout of each environment (the
 * status shows it; a deployment it made is not mistaken for one made by hand) and rollouts still in progress.
 */
@ApplicationScoped
public class StateRetention {

    /** How much history to keep. */
    public record Limits(Duration maxAge, int maxRuns, int maxEvents, int maxRollouts, int maxDeliveries) {
    }

    /** Rows deleted per table. */
    public record Pruned(int runs, int events, int rollouts, int deliveries) {

        public int total() {
            return runs + events + rollouts + deliveries;
        }
    }

    private static final String RUNS = """
            with ranked as (select id, started_at, row_number() over (partition by project, environment
                order by started_at desc, id desc) as n from reconcile_runs)
            delete from reconcile_runs r using ranked k
            where r.id = k.id and (k.started_at < ? or k.n > ?)
              and not exists (select 1 from environment_status s where s.last_run_id = r.id)""";

    // the story of a quarantine or a hold: every event of the environment since its rollout started
    private static final String EVENTS = """
            with ranked as (select id, occurred_at, row_number() over (partition by project, environment
                order by occurred_at desc, id desc) as n from events),
            kept_since as (
                select q.project, q.environment, coalesce((select min(o.started_at) from rollouts o
                    where o.project = q.project and o.environment = q.environment and o.revision = q.revision),
                    q.quarantined_at) as since from quarantined_revisions q
                union all
                select h.project, h.environment, coalesce((select min(o.started_at) from rollouts o
                    where o.project = h.project and o.environment = h.environment and o.revision = h.revision),
                    h.held_at) from held_services h)
            delete from events e using ranked k
            where e.id = k.id and (k.occurred_at < ? or k.n > ?)
              and not exists (select 1 from kept_since ks where ks.project = e.project
                  and ks.environment = e.environment and e.occurred_at >= ks.since)""";

    private static final String ROLLOUTS = """
            with ranked as (select id, updated_at, row_number() over (partition by project, environment
                order by id desc) as n from rollouts),
            current_good as (select distinct on (project, environment, service) project, environment, deployment_id
                from last_known_good order by project, environment, service, verified_at desc)
            delete from rollouts r using ranked k
            where r.id = k.id and (k.updated_at < ? or k.n > ?) and k.n > 1 and r.state <> 'InProgress'
              and not exists (select 1 from quarantined_revisions q where q.project = r.project
                  and q.environment = r.environment and q.revision = r.revision)
              and not exists (select 1 from held_services h where h.project = r.project
                  and h.environment = r.environment and (h.revision = r.revision
                      or position('"' || h.deployment_id || '"' in r.services::text) > 0))
              and not exists (select 1 from current_good g where g.project = r.project
                  and g.environment = r.environment and position('"' || g.deployment_id || '"' in r.services::text) > 0)""";

    private static final String DELIVERIES = """
            with ranked as (select id, finished_at, row_number() over (partition by environment
                order by finished_at desc, id desc) as n from notification_deliveries)
            delete from notification_deliveries d using ranked k
            where d.id = k.id and (k.finished_at < ? or k.n > ?)""";

    private final Jdbc jdbc;

    public StateRetention(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Deletes what {@code limits} no longer keep at {@code now}; returns how many rows went. */
    public Pruned prune(Limits limits, Instant now) {
        Instant oldest = now.minus(limits.maxAge());
        return new Pruned(delete(RUNS, oldest, limits.maxRuns()), delete(EVENTS, oldest, limits.maxEvents()),
                delete(ROLLOUTS, oldest, limits.maxRollouts()), delete(DELIVERIES, oldest, limits.maxDeliveries()));
    }

    private int delete(String sql, Instant oldest, int keep) {
        return jdbc.update(sql, s -> {
            Jdbc.setInstant(s, 1, oldest);
            s.setInt(2, keep);
        });
    }
}
