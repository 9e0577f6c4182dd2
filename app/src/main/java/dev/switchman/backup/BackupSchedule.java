package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.notify.Notifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The backup and restore-drill schedules of every database in the desired state, for whoever runs them
 * (the leader's {@link BackupScheduler}): first the catalog's {@code running} rows older than
 * {@code abandonAfter} are marked {@code abandoned} (a daemon died under them), then each job whose
 * cron fired since its last run (see {@link LastRuns}) runs once.
 */
public final class BackupSchedule {

    private static final Logger LOG = Logger.getLogger(BackupSchedule.class);

    private final BackupCatalog catalog;
    private final LastRuns lastRuns;
    private final ScheduledJobs jobs;
    private final Clock clock;
    private final Duration abandonAfter;

    public BackupSchedule(DatabaseBackups backups, BackupCatalog catalog, Notifier notifier, MeterRegistry registry,
            Clock clock, Duration abandonAfter) {
        this.catalog = catalog;
        this.lastRuns = new LastRuns(catalog);
        this.jobs = new ScheduledJobs(backups, catalog, notifier, registry);
        this.clock = clock;
        this.abandonAfter = abandonAfter;
    }

    /** Runs what is due at {@code now}; returns what it did, e.g. {@code backup acme/production/shop}. */
    public List<String> runDue(DesiredState state, Instant now) {
        abandonStale();
        List<String> done = new ArrayList<>();
        for (DesiredEnvironment env : state.environments()) {
            for (DatabaseSpec db : env.databases().values()) {
                if (db.backups() == null || db.backups().schedule() == null) {
                    continue;
                }
                String key = env.qualifiedName() + "/" + db.name();
                if (lastRuns.due(LastRuns.Job.BACKUP, env, db, db.backups().schedule(), now)) {
                    done.add("backup " + key);
                    lastRuns.attempted(LastRuns.Job.BACKUP, env, db, now);
                    jobs.backup(env, db, state.revision());
                }
                if (db.backups().drill() != null
                        && lastRuns.due(LastRuns.Job.DRILL, env, db, db.backups().drill().schedule(), now)) {
                    done.add("drill " + key);
                    lastRuns.attempted(LastRuns.Job.DRILL, env, db, now);
                    jobs.drill(env, db);
                }
            }
        }
        return done;
    }

    /** Marks {@code running} rows older than the bound {@code abandoned}; returns them. Real time, not a tick's. */
    public List<CatalogEntry> abandonStale() {
        Instant at = clock.instant();
        List<CatalogEntry> abandoned = catalog.abandonRunning(at.minus(abandonAfter),
                "abandoned: still running after " + abandonAfter + " (the process taking it stopped)", at);
        for (CatalogEntry e : abandoned) {
            LOG.warnf("backup %s of %s/%s/%s started at %s was still running after %s: marked abandoned", e.name(),
                    e.project(), e.environment(), e.database(), e.startedAt(), abandonAfter);
        }
        return abandoned;
    }
}
