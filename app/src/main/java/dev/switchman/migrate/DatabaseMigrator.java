package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.PreMigrationBackup.BackupReceipt;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Migrates one physical database as one guarded sequence: lease (one per physical database, whichever
 * environment asks) -> quarantine check -> history check -> verified pre-migration backup (if asked) ->
 * dry run (if asked) -> Flyway migrate -> run log. The backup comes before the dry run because the dry
 * run takes locks on the live database; the lease is renewed between the steps, and a runner that lost
 * it stops there. Never repairs a diverged history and never rolls a schema back.
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
        MigrationLocks.Lease lease = locks.acquire(target.key(), target.environment(), target.database(), runner,
                clock.instant(), target.lockTimeout());
        if (!lease.holder().equals(runner)) {
            return busy(target, lease);
        }
        try {
            return underLease(target, environment, spec, revision == null ? "" : revision);
        } catch (DatabaseUnreachable e) {
            return new MigrationOutcome.Unreachable(target.database(), e.getMessage());
        } finally {
            locks.release(target.key(), runner);
        }
    }

    private MigrationOutcome underLease(MigrationTarget target, DesiredEnvironment environment, DatabaseSpec spec,
            String revision) {
        String database = target.database();
        Optional<MigrationRuns.Failure> quarantine = runs.quarantined(target.key(), target.environment(), database,
                revision);
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
        RunLog run = new RunLog(runs, runs.start(target.key(), target.environment(), database, revision, runner,
                clock.instant()), clock);
        BackupReceipt receipt = null;
        if (spec.backups() != null && spec.backups().beforeMigrations()) {
            if (backup.isEmpty()) {
                run.notRun("no backup implementation", null);
                return new MigrationOutcome.BackupUnavailable(database);
            }
            try {
                receipt = backup.get().takeVerified(environment, spec, revision);
            } catch (RuntimeException e) {
                String message = target.redaction().apply(e.getMessage());
                run.notRun("backup failed: " + message, null);
                return new MigrationOutcome.BackupFailed(database, message);
            }
        }
        String backupText = receipt == null ? null : receipt.toString();
        Optional<MigrationOutcome> lost = leaseLost(target, run, "after the backup", backupText);
        if (lost.isPresent()) {
            return lost.get();
        }
        if (target.dryRunFirst()) {
            DryRun.Result tried = dryRun.run(target, history.pending());
            if (!tried.notCovered().isEmpty()) {
                LOG.warnf("%s: dry run did not cover %s", target.label(), tried.notCovered());
            }
            if (tried.failed()) {
                run.finish(MigrationRuns.Result.DRY_RUN_FAILED, "", tried.failedScript(), tried.message(), backupText);
                return new MigrationOutcome.Failed(database, tried.failedScript(), tried.message(), backupText, true,
                        false);
            }
            lost = leaseLost(target, run, "after the dry run", backupText);
            if (lost.isPresent()) {
                return lost.get();
            }
        }
        return migrate(target, history, run, backupText);
    }

    private MigrationOutcome migrate(MigrationTarget target, MigrationHistory history, RunLog run, String backupText) {
        String database = target.database();
        return switch (flyway.migrate(target)) {
            case FlywayMigrations.Run.Applied applied when applied.versions().isEmpty() -> {
                // Flyway's own lock serialised us behind a runner that holds no lease of ours (an older
                // Switchman, or one whose lease expired), which applied them first.
                run.notRun("nothing left to apply: another runner applied the pending versions meanwhile", backupText);
                LOG.infof("%s: nothing left to apply, another runner applied the pending versions meanwhile",
                        target.label());
                yield new MigrationOutcome.UpToDate(database, history.applied().size() + history.pending().size());
            }
            case FlywayMigrations.Run.Applied applied -> {
                run.finish(MigrationRuns.Result.APPLIED, String.join(",", applied.versions()), null, null, backupText);
                LOG.infof("%s: applied V%s", target.label(), String.join(", V", applied.versions()));
                yield new MigrationOutcome.Applied(database, applied.versions(), backupText);
            }
            case FlywayMigrations.Run.ScriptFailed failed -> {
                run.finish(MigrationRuns.Result.FAILED, String.join(",", failed.appliedBefore()), failed.script(),
                        failed.message(), backupText);
                yield new MigrationOutcome.Failed(database, failed.script(), failed.message(), backupText, false, false);
            }
        };
    }

    /** Renews the lease; when another runner took it over meanwhile (a step outlived it), this run stops here. */
    private Optional<MigrationOutcome> leaseLost(MigrationTarget target, RunLog run, String when, String backupText) {
        if (locks.renew(target.key(), runner, clock.instant(), target.lockTimeout())) {
            return Optional.empty();
        }
        Optional<MigrationLocks.Lease> taken = locks.current(target.key());
        String holder = taken.map(MigrationLocks.Lease::holder).orElse("another runner");
        run.notRun("the lease expired " + when + " and " + holder + " took it over; " + runner + " migrated nothing",
                backupText);
        LOG.warnf("%s: lease lost %s to %s; not migrating", target.label(), when, holder);
        return Optional.of(taken.map(lease -> busy(target, lease)).orElseGet(() -> new MigrationOutcome.Busy(
                target.database(), "a runner that took over the expired lease", clock.instant())));
    }

    private static MigrationOutcome busy(MigrationTarget target, MigrationLocks.Lease lease) {
        boolean sameEnvironment = target.environment().equals(lease.environment());
        return new MigrationOutcome.Busy(target.database(), lease.holder() + (sameEnvironment ? ""
                : " for " + lease.environment() + " database " + lease.database()), lease.expiresAt());
    }

    /** One attempt's row in the run log, finished once. */
    private record RunLog(MigrationRuns runs, long id, Clock clock) {

        void finish(MigrationRuns.Result result, String applied, String failedScript, String message, String backup) {
            runs.finish(id, clock.instant(), result, applied, failedScript, message, backup);
        }

        void notRun(String message, String backup) {
            finish(MigrationRuns.Result.NOT_RUN, "", null, message, backup);
        }
    }
}
