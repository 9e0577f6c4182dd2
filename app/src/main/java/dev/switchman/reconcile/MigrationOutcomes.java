package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationOutcome;
import dev.switchman.plan.Plan;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Migrations as a step of a run, and the reconcile outcome a migration that stops the rollout maps
 * to; nothing is deployed in any of them.
 */
final class MigrationOutcomes {

    private static final Logger LOG = Logger.getLogger(MigrationOutcomes.class);

    private MigrationOutcomes() {
    }

    static ReconcileOutcome of(MigrationOutcome halted, String revision, Duration busyRequeue, Duration retryAfter) {
        String message = halted.summary();
        return switch (halted) {
            case MigrationOutcome.Busy b -> new ReconcileOutcome.Progressing(revision, busyRequeue, "MigrationInProgress");
            case MigrationOutcome.Failed f -> new ReconcileOutcome.Stalled("MigrationFailed", message);
            case MigrationOutcome.Diverged d -> new ReconcileOutcome.Stalled("MigrationHistoryDiverged", message);
            case MigrationOutcome.BackupUnavailable b -> new ReconcileOutcome.Stalled("BackupUnavailable", message);
            case MigrationOutcome.BackupFailed b -> new ReconcileOutcome.Retry("PreMigrationBackupFailed", message, retryAfter);
            case MigrationOutcome.Unreachable u -> new ReconcileOutcome.Retry("DatabaseUnavailable", message, retryAfter);
            case MigrationOutcome.Misconfigured m -> new ReconcileOutcome.Stalled(m.reason(), message);
            case MigrationOutcome.Ready r -> throw new IllegalArgumentException("not a halt: " + message);
            case MigrationOutcome.UpToDate u -> throw new IllegalArgumentException("not a halt: " + message);
            case MigrationOutcome.Applied a -> throw new IllegalArgumentException("not a halt: " + message);
            case MigrationOutcome.Skipped s -> throw new IllegalArgumentException("not a halt: " + message);
            case MigrationOutcome.BackedUp b -> throw new IllegalArgumentException("not a halt: " + message);
        };
    }

    /**
     * Rollout order: (verified pre-migration backup ->) migrations -> deploy. Runs on every reconcile
     * that may write (a history check is one query per database); empty when the rollout may go on.
     *
     * @param migrations null when this reconciler runs none: an environment that declares them stalls
     */
    static Optional<ReconcileOutcome> gate(MigrationGate migrations, DesiredEnvironment environment, String revision,
            Duration busyRequeue, Duration retryAfter) {
        if (!MigrationGate.migrates(environment)) {
            return Optional.empty();
        }
        if (migrations == null) {
            return Optional.of(new ReconcileOutcome.Stalled("MigrationsNotConfigured",
                    "the environment declares database migrations but this reconciler runs none"));
        }
        MigrationOutcome outcome = migrations.pass(environment, revision);
        if (!outcome.haltsRollout()) {
            LOG.debugf("migrations of %s at %s: %s", environment.qualifiedName(), revision, outcome.summary());
            migrations.watchSchema(environment);
            return Optional.empty();
        }
        return Optional.of(of(outcome, revision, busyRequeue, retryAfter));
    }

    /** Before an apply: why it must not deploy (null when it may), and the pre-migration backups taken per service. */
    record BeforeDeploy(ReconcileOutcome halt, Map<String, String> backups) {
    }

    /**
     * Right before applying {@code plan}: a verified pre-migration backup for each database whose
     * migration command runs in a service the plan (re)deploys (Railway runs it as that deploy's
     * pre-deploy command). Order: backup -> deploy (migration, then the new version).
     *
     * @param migrations null when this reconciler runs none: such a deploy stalls rather than migrate unprotected
     */
    static BeforeDeploy beforeDeploying(MigrationGate migrations, DesiredEnvironment environment, String revision,
            Plan plan, Duration retryAfter) {
        if (!MigrationGate.backsUpBeforeDeploying(environment, plan.redeploys())) {
            return new BeforeDeploy(null, Map.of());
        }
        if (migrations == null) {
            return new BeforeDeploy(new ReconcileOutcome.Stalled("MigrationsNotConfigured", "the plan deploys a service"
                    + " that runs a database migration command, but this reconciler takes no pre-migration backup"), Map.of());
        }
        MigrationOutcome outcome = migrations.beforeDeploying(environment, revision, plan.redeploys());
        if (outcome instanceof MigrationOutcome.Ready ready) {
            LOG.infof("before deploying %s at %s: %s", environment.qualifiedName(), revision, outcome.summary());
            return new BeforeDeploy(null, ready.backups());
        }
        return new BeforeDeploy(of(outcome, revision, retryAfter, retryAfter), Map.of());
    }
}
