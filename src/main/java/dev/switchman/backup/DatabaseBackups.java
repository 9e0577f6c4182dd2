package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Backups, retention and drills of the databases an environment declares, recorded in the catalog
 * and as environment events. The URL secret is resolved here and handed only to {@link DatabaseTarget}.
 */
public final class DatabaseBackups {

    private static final Logger LOG = Logger.getLogger(DatabaseBackups.class);

    private final BackupRunner runner;
    private final DrillRunner drills;
    private final BackupCatalog catalog;
    private final EventRepository events;
    private final Secrets secrets;
    private final Clock clock;

    public DatabaseBackups(BackupRunner runner, BackupCatalog catalog, EventRepository events, Secrets secrets,
            Clock clock) {
        this.runner = runner;
        this.drills = new DrillRunner(runner, clock);
        this.catalog = catalog;
        this.events = events;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Takes a backup now; throws {@link BackupException} (after recording the failure) when it fails. */
    public BackupManifest backup(DesiredEnvironment environment, DatabaseSpec database, BackupReason reason,
            String revision) {
        try {
            return runner.backup(target(environment, database), reason, revision);
        } catch (BackupException e) {
            event(environment, "Warning", "BackupFailed", database.name() + ": " + e.getMessage());
            throw e;
        }
    }

    /** A backup that is verified by checksum right after it is stored: the pre-migration guarantee. */
    public BackupManifest verifiedBackup(DesiredEnvironment environment, DatabaseSpec database, BackupReason reason,
            String revision) {
        BackupManifest manifest = backup(environment, database, reason, revision);
        BackupStorage storage = storage(environment, database);
        verify(environment, database, storage, manifest);
        return manifest;
    }

    /** Applies retention: deletes (and logs) every backup it does not keep; returns all decisions. */
    public List<RetentionDecision> applyRetention(DesiredEnvironment environment, DatabaseSpec database) {
        List<RetentionDecision> decisions = RetentionPolicy.select(
                catalog.entries(environment.project(), environment.name(), database.name()), clock.instant(),
                database.backups());
        BackupStorage storage = storage(environment, database);
        for (RetentionDecision decision : decisions) {
            if (!decision.keep()) {
                CatalogEntry e = decision.entry();
                storage.delete(e.name() + ".json");
                storage.delete(e.name() + ".dump");
                catalog.deleted(e.id(), clock.instant());
                LOG.infof("retention deleted backup %s of %s/%s: %s", e.name(), environment.qualifiedName(),
                        database.name(), decision.reason());
            }
        }
        return decisions;
    }

    /** Restores the newest stored backup into a scratch database and runs the declared checks. */
    public DrillRunner.DrillResult drill(DesiredEnvironment environment, DatabaseSpec database) {
        BackupStorage storage = storage(environment, database);
        Optional<BackupManifest> newest = BackupRunner.find(storage, null);
        if (newest.isEmpty()) {
            event(environment, "Warning", "BackupDrillFailed", database.name() + ": no backup to restore");
            throw new BackupException("no backup of " + database.name() + " in " + storage.describe());
        }
        DatabaseSpec.RestoreDrill drill = database.backups().drill();
        DrillRunner.DrillResult result = drills.drill(storage, newest.get(), source(database),
                drill == null ? List.of() : drill.checks());
        entryId(environment, database, newest.get().name()).ifPresent(id -> {
            catalog.drill(id, result.startedAt(), result.duration(), result.passed(), result.message());
            if (result.passed()) {
                catalog.verified(id, clock.instant());
            }
        });
        if (!result.passed()) {
            event(environment, "Warning", "BackupDrillFailed", database.name() + ": " + result.message());
        }
        return result;
    }

    /** Verifies the checksum of a stored backup and records it as verified. */
    public void verify(DesiredEnvironment environment, DatabaseSpec database, BackupStorage storage,
            BackupManifest manifest) {
        java.nio.file.Path work = null;
        try {
            work = java.nio.file.Files.createTempFile("switchman-verify", ".dump");
            BackupRunner.fetchVerified(storage, manifest, work);
            entryId(environment, database, manifest.name()).ifPresent(id -> catalog.verified(id, clock.instant()));
        } catch (java.io.IOException e) {
            throw new BackupException("cannot verify " + manifest.name() + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                work.toFile().delete();
            }
        }
    }

    /** The newest verified backup's time, if any. */
    public Optional<Instant> lastVerified(DesiredEnvironment environment, DatabaseSpec database) {
        return catalog.entries(environment.project(), environment.name(), database.name()).stream()
                .filter(CatalogEntry::verified).map(CatalogEntry::verifiedAt).max(Instant::compareTo);
    }

    public BackupStorage storage(DesiredEnvironment environment, DatabaseSpec database) {
        if (database.backups() == null || database.backups().destination() == null) {
            throw new BackupException("database " + database.name() + " declares no backup destination");
        }
        return BackupStorage.open(database.backups().destination(), secrets, environment.project(),
                environment.name(), database.name());
    }

    public DatabaseTarget source(DatabaseSpec database) {
        String name = database.url() == null ? null : database.url().name();
        return DatabaseTarget.parse(Optional.ofNullable(name).flatMap(secrets::lookup).orElseThrow(
                () -> new BackupException("the URL secret " + name + " of database " + database.name()
                        + " is not set")));
    }

    private BackupRunner.Target target(DesiredEnvironment environment, DatabaseSpec database) {
        return new BackupRunner.Target(environment.project(), environment.name(), database.name(), source(database),
                storage(environment, database), catalog);
    }

    private Optional<Long> entryId(DesiredEnvironment environment, DatabaseSpec database, String name) {
        return catalog.entries(environment.project(), environment.name(), database.name()).stream()
                .filter(e -> e.name().equals(name) && e.good()).map(CatalogEntry::id).findFirst();
    }

    private void event(DesiredEnvironment environment, String type, String reason, String message) {
        events.append(EnvironmentEvent.of(environment.project(), environment.name(), clock.instant(), type, reason,
                message, null));
    }
}
