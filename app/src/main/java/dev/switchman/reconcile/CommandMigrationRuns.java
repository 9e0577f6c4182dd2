package dev.switchman.reconcile;

import dev.switchman.migrate.MigrationRuns;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.RolloutListener;
import dev.switchman.store.StoreException;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Migration commands in the run log ({@code migration_runs}) beside Flyway's attempts, so the status
 * API's migrations show both: one row per deployment whose pre-deploy step ran (or failed) the command,
 * with Railway as its runner, counted in {@code switchman_migrations_total}. A rollout followed again after a
 * restart does not add a second row.
 */
final class CommandMigrationRuns implements RolloutListener {

    private static final Logger LOG = Logger.getLogger(CommandMigrationRuns.class);

    private final MigrationRuns runs;
    private final MigrationMetrics metrics;

    CommandMigrationRuns(MigrationRuns runs, MigrationMetrics metrics) {
        this.runs = runs;
        this.metrics = metrics;
    }

    @Override
    public void on(RolloutEvent event) {
        try {
            switch (event) {
                case RolloutEvent.MigrationApplied e -> record(e.environment(), e.database(), e.revision(),
                        e.deploymentId(), e.at(), MigrationRuns.Result.APPLIED, null,
                        "`" + e.command() + "` ran in the pre-deploy step of " + e.service(), e.backup());
                case RolloutEvent.MigrationFailed e -> record(e.environment(), e.database(), e.revision(),
                        e.deploymentId(), e.at(), MigrationRuns.Result.FAILED, e.command(), e.reason(), e.backup());
                default -> {
                }
            }
        } catch (StoreException e) {
            LOG.warnf("migration command of %s not written to the run log: %s", event.environment(), e.getMessage());
        }
    }

    private void record(String environment, String database, String revision, String deploymentId, Instant at,
            MigrationRuns.Result result, String command, String message, String backup) {
        String runner = "railway pre-deploy of deployment " + deploymentId;
        boolean recorded = runs.recent(environment, database, 50).stream().anyMatch(r -> runner.equals(r.runner()));
        if (!recorded) {
            long id = runs.start(environment, database, revision, runner, at);
            runs.finish(id, at, result, "", command, message, backup);
            metrics.count(environment, database, result);
        }
    }
}
