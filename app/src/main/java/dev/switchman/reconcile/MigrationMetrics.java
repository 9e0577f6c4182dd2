package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationOutcome;
import dev.switchman.migrate.MigrationRuns.Result;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * {@code switchman_migrations_total{environment,database,result}}: one count per migration attempt the run
 * log ({@code migration_runs}) records (Flyway's here, migration commands' through {@link CommandMigrationRuns}), result {@code applied}, {@code failed}, {@code dry_run_failed} or
 * {@code not_run} (its pre-migration backup failed). Checks that find nothing to do, a held lease, a
 * diverged history and a quarantined revision repeated are not attempts.
 */
final class MigrationMetrics implements MigrationGate.Listener {

    private final MeterRegistry registry;

    MigrationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void outcome(DesiredEnvironment environment, String revision, MigrationOutcome outcome) {
        String environmentName = environment.qualifiedName();
        switch (outcome) {
            case MigrationOutcome.Applied a -> count(environmentName, a.database(), Result.APPLIED);
            case MigrationOutcome.Failed f when !f.quarantined() ->
                    count(environmentName, f.database(), f.dryRun() ? Result.DRY_RUN_FAILED : Result.FAILED);
            case MigrationOutcome.BackupFailed b -> count(environmentName, b.database(), Result.NOT_RUN);
            case MigrationOutcome.BackupUnavailable b -> count(environmentName, b.database(), Result.NOT_RUN);
            default -> {
            }
        }
    }

    /** @param environment {@code project/name} */
    void count(String environment, String database, Result result) {
        registry.counter("switchman_migrations_total", Tags.of("environment", environment, "database", database,
                "result", result.label())).increment();
    }
}
