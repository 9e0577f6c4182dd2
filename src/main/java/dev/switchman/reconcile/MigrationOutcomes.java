package dev.switchman.reconcile;

import dev.switchman.migrate.MigrationOutcome;
import java.time.Duration;

/** The reconcile outcome a migration that stops the rollout maps to; nothing is deployed in any of them. */
final class MigrationOutcomes {

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
        };
    }
}
