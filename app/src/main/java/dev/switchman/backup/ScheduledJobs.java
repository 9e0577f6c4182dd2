package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.notify.BackupNotices;
import dev.switchman.notify.Notifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One scheduled backup (retention and orphan cleanup follow it, as after every backup) or restore drill of a
 * database: counted by result and notified; a backup with a failed copy is a failed backup for that destination.
 * A pass sends "recovered" only when the other job's newest result is good too (a drill that passes on an
 * older backup does not close the alert of a backup that keeps failing); the notifier sends it only while
 * an alert is open.
 */
final class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final DatabaseBackups backups;
    private final BackupCatalog catalog;
    private final Notifier notifier;
    private final MeterRegistry registry;

    ScheduledJobs(DatabaseBackups backups, BackupCatalog catalog, Notifier notifier, MeterRegistry registry) {
        this.backups = backups;
        this.catalog = catalog;
        this.notifier = notifier;
        this.registry = registry;
    }

    void backup(DesiredEnvironment env, DatabaseSpec db, String revision) {
        BackupResult result;
        try {
            result = backups.backup(env, db, BackupReason.SCHEDULED, revision);
        } catch (RuntimeException e) {
            LOG.warnf("scheduled backup of %s/%s failed: %s", env.qualifiedName(), db.name(), e.getMessage());
            count("switchman_backups_total", env, db, "failure");
            notifier.notify(BackupNotices.backupFailed(env.qualifiedName(), db.name(), String.valueOf(e.getMessage())));
            return;
        }
        String name = result.manifest().name();
        if (!result.failedCopies().isEmpty()) {
            // the other destinations hold a good copy; this one failed, and that is a failed backup there
            count("switchman_backups_total", env, db, "failure");
            notifier.notify(BackupNotices.backupFailed(env.qualifiedName(), db.name(), "backup " + name
                    + " could not be stored in " + result.failedCopies().stream().map(CopyResult::toString)
                            .collect(Collectors.joining("; "))));
            return;
        }
        count("switchman_backups_total", env, db, "success");
        boolean drillGood = catalog.drills(env.project(), env.name(), db.name(), 1).stream()
                .allMatch(BackupCatalog.DrillRecord::passed);
        if (drillGood) {
            notifier.notify(BackupNotices.recovered(env.qualifiedName(), db.name(), name,
                    "backup " + name + " was taken"));
        }
    }

    void drill(DesiredEnvironment env, DatabaseSpec db) {
        DrillRunner.DrillResult result;
        try {
            result = backups.drill(env, db);
        } catch (RuntimeException e) {
            LOG.warnf("restore drill of %s/%s failed: %s", env.qualifiedName(), db.name(), e.getMessage());
            count("switchman_backup_drills_total", env, db, "failed");
            notifier.notify(BackupNotices.drillFailed(env.qualifiedName(), db.name(), "", String.valueOf(e.getMessage())));
            return;
        }
        count("switchman_backup_drills_total", env, db, result.passed() ? "passed" : "failed");
        if (!result.passed()) {
            LOG.warnf("restore drill of %s/%s failed: %s", env.qualifiedName(), db.name(), result.message());
            notifier.notify(BackupNotices.drillFailed(env.qualifiedName(), db.name(), result.backup(), result.message()));
            return;
        }
        boolean backupGood = newestScheduledIsGoodEverywhere(env, db);
        if (backupGood) {
            notifier.notify(BackupNotices.recovered(env.qualifiedName(), db.name(), result.backup(),
                    "the restore drill of " + result.backup() + " passed"));
        }
    }

    /** Whether every copy of the newest scheduled backup is good (true when there is none yet). */
    private boolean newestScheduledIsGoodEverywhere(DesiredEnvironment env, DatabaseSpec db) {
        List<CatalogEntry> scheduled = catalog.entries(env.project(), env.name(), db.name()).stream()
                .filter(e -> e.reason() == BackupReason.SCHEDULED).toList();
        return scheduled.isEmpty() || scheduled.stream().filter(e -> e.name().equals(scheduled.get(0).name()))
                .allMatch(CatalogEntry::good);
    }

    private void count(String name, DesiredEnvironment env, DatabaseSpec db, String result) {
        registry.counter(name, Tags.of("environment", env.qualifiedName(), "database", db.name(), "result", result))
                .increment();
    }
}
