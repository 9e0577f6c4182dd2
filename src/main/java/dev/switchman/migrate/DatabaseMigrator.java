package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.PreMigrationBackup.BackupReceipt;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Migrates one database as one guarded sequence: lease -> quarantine check -> history check ->
 * dry run (if asked) -> verified pre-migration backup (if asked) -> Flyway migrate -> run log.
 * Never repairs a diverged history and never rolls a schema back.
 */
public final class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class);

    private final FlywayMigrations flyway = new FlywayMigrations();
    private final DryRun dryRun = new DryRun();
    private final MigrationLocks locks;
    private final MigrationRuns runs;
    private final Optional<PreMigrationBackup> backup;
    private final String runner;
    private final Clock clock;

    /**
     * @param backup the backup port; empty when no implementation is wired (databases that ask for a
     *        pre-migration backup are then not migrated)
     * @param runner this process's name in leases and the run log
     */
    public DatabaseMigrator(MigrationLocks locks, MigrationRuns runs, Optional<PreMigrationBackup> backup, String runner,
            Clock clock) {
        this.locks = locks;
        this.runs = runs;
        this.backup = backup;
        this.runner = runner;
        this.clock = clock;
    }

    /** The pre-migration backup port, shared with the backups taken before command migrations. */
    Optional<PreMigrationBackup> backup() {
        return backup;
    }

    public MigrationOutcome migrate(MigrationTarget target, DesiredEnvironment environment, DatabaseSpec spec,
            String revision) {
        String database = target.database();
        MigrationLocks.Lease lease = locks.acquire(target.environment(), database, runner, clock.instant(),
                target.lockTimeout());
        if (!lease.holder().equals(runner)) {
            return new MigrationOutcome.Busy(database, lease.holder(), lease.expiresAt());
        }
        try {
            return underLease(target, environment, spec, revision == null ? "" : revision);
        } catch (DatabaseUnreachable e) {
            return new MigrationOutcome.Unreachable(database, e.getMessage());
        } finally {
            locks.release(target.environment(), database, runner);
        }
    }

    private MigrationOutcome underLease(MigrationTarget target, DesiredEnvironment environment, DatabaseSpec spec,
            String revision) {
        String database = target.database();
        Optional<MigrationRuns.Failure> quarantine = runs.quarantined(target.environment(), database, revision);
        if (quarantine.isPresent()) {
            MigrationRuns.Failure f = quarantine.get();
            return new MigrationOutcome.Failed(database, f.script(), f.message(), f.backup(),
                    f.result() == MigrationRuns.Result.DRY_RUN_FAILED, true);
        }
        MigrationHistory history = flyway.history(target);
        if (history.diverged()) {
            return new MigrationOutcome.Diverged(database, history.differences());
        }
        if (history.pending().isEmpty()) {
            return new MigrationOutcome.UpToDate(database, history.applied().size());
        }
        long run = runs.start(target.environment(), database, revision, runner, clock.instant());
        if (target.dryRunFirst()) {
            DryRun.Result tried = dryRun.run(target, history.pending());
            if (!tried.notCovered().isEmpty()) {
                LOG.warnf("%s: dry run did not cover %s", target.label(), tried.notCovered());
            }
            if (tried.failed()) {
                runs.finish(run, clock.instant(), MigrationRuns.Result.DRY_RUN_FAILED, "", tried.failedScript(),
                        tried.message(), null);
                return new MigrationOutcome.Failed(database, tried.failedScript(), tried.message(), null, true, false);
            }
        }
        BackupReceipt receipt = null;
        boolean backupWanted = spec.backups() != null && spec.backups().beforeMigrations();
        if (backupWanted) {
            if (backup.isEmpty()) {
                runs.finish(run, clock.instant(), MigrationRuns.Result.NOT_RUN, "", null, "no backup implementation", null);
                return new MigrationOutcome.BackupUnavailable(database);
            }
            try {
                receipt = backup.get().takeVerified(environment, spec, revision);
            } catch (RuntimeException e) {
                String message = target.redaction().apply(e.getMessage());
                runs.finish(run, clock.instant(), MigrationRuns.Result.NOT_RUN, "", null, "backup failed: " + message, null);
                return new MigrationOutcome.BackupFailed(database, message);
            }
        }
        String backupText = receipt == null ? null : receipt.toString();
        return switch (flyway.migrate(target)) {
            case FlywayMigrations.Run.Applied applied when applied.versions().isEmpty() -> {
                // Flyway's own lock serialised us behind a runner under another lease (e.g. two
                // environments declaring the same database), which applied them first.
                runs.finish(run, clock.instant(), MigrationRuns.Result.NOT_RUN, "", null,
                        "nothing left to apply: another runner applied the pending versions meanwhile", backupText);
                LOG.infof("%s: nothing left to apply, another runner applied the pending versions meanwhile",
                        target.label());
                yield new MigrationOutcome.UpToDate(database, history.applied().size() + history.pending().size());
            }
            case FlywayMigrations.Run.Applied applied -> {
                runs.finish(run, clock.instant(), MigrationRuns.Result.APPLIED, String.join(",", applied.versions()),
                        null, null, backupText);
                LOG.infof("%s: applied V%s", target.label(), String.join(", V", applied.versions()));
                yield new MigrationOutcome.Applied(database, applied.versions(), backupText);
            }
            case FlywayMigrations.Run.ScriptFailed failed -> {
                runs.finish(run, clock.instant(), MigrationRuns.Result.FAILED, String.join(",", failed.appliedBefore()),
                        failed.script(), failed.message(), backupText);
                yield new MigrationOutcome.Failed(database, failed.script(), failed.message(), backupText, false, false);
            }
        };
    }
}
