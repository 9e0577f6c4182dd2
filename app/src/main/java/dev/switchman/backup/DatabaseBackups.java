package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Backups, retention, orphan cleanup and drills of the databases an environment declares, in each of their
 * destinations, recorded in the catalog and as environment events. The URL secret is resolved here and handed
 * only to {@link DatabaseTarget}.
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

    /**
     * Takes a backup now, a verified copy in each destination, then applies retention and removes orphaned files
     * in each (whatever the reason: scheduled, pre-migration or manual). A failed copy is an event and fails
     * that destination only; throws {@link BackupException} (after recording it) when no copy was stored.
     */
    public BackupResult backup(DesiredEnvironment environment, DatabaseSpec database, BackupReason reason,
            String revision) {
        List<Destination> destinations = destinations(environment, database);
        BackupResult result;
        try {
            result = runner.backup(new BackupRunner.Target(environment.project(), environment.name(), database.name(),
                    source(database), destinations.stream().map(Destination::storage).toList(), catalog), reason, revision);
        } catch (BackupException e) {
            event(environment, "Warning", "BackupFailed", database.name() + ": " + e.getMessage());
            throw e;
        }
        for (CopyResult failed : result.failedCopies()) {
            event(environment, "Warning", "BackupFailed", database.name() + ": the copy of " + result.manifest().name()
                    + " to " + failed.destination() + " failed: " + failed.error());
        }
        try {
            prune(environment, database, true);
        } catch (RuntimeException e) {
            LOG.warnf("retention of %s/%s failed (the new backup %s is kept): %s", environment.qualifiedName(),
                    database.name(), result.manifest().name(), e.getMessage());
        }
        return result;
    }

    /**
     * Retention and orphan cleanup in every destination: what it deletes ({@code delete}) or would delete, with
     * why. Each destination keeps its own grandfather-father-son slots over its own copies.
     */
    public List<Pruning> prune(DesiredEnvironment environment, DatabaseSpec database, boolean delete) {
        List<Pruning> pruned = new ArrayList<>();
        for (Destination destination : destinations(environment, database)) {
            List<CatalogEntry> entries = catalog.entries(environment.project(), environment.name(), database.name())
                    .stream().filter(e -> destination.label().equals(e.destination())).toList();
            for (RetentionDecision decision : RetentionPolicy.select(entries, clock.instant(), destination.retention(),
                    database.backups().keepPreMigrationFor())) {
                if (!decision.keep()) {
                    CatalogEntry e = decision.entry();
                    pruned.add(new Pruning(destination.label(), e.name(), "retention: " + decision.reason()));
                    if (delete) {
                        destination.storage().delete(e.name() + ".json");
                        destination.storage().delete(e.name() + ".dump");
                        catalog.deleted(e.id(), clock.instant());
                    }
                }
            }
            for (String orphan : Orphans.select(database.name(), destination.storage().keys(), entries)) {
                pruned.add(new Pruning(destination.label(), orphan, "orphan: no good backup in the catalog owns it"));
                if (delete) {
                    destination.storage().delete(orphan);
                }
            }
        }
        if (delete) {
            pruned.forEach(p -> LOG.infof("deleted %s from %s of %s/%s: %s", p.object(), p.destination(),
                    environment.qualifiedName(), database.name(), p.reason()));
        }
        return pruned;
    }

    /** A backup (retention) or a file (orphan) that pruning deletes, where, and why. */
    public record Pruning(String destination, String object, String reason) {
    }

    /** Restores the newest stored backup (from the first destination holding one) into a scratch database and checks it. */
    public DrillRunner.DrillResult drill(DesiredEnvironment environment, DatabaseSpec database) {
        for (Destination destination : destinations(environment, database)) {
            Optional<BackupManifest> newest = BackupRunner.find(destination.storage(), null);
            if (newest.isPresent()) {
                return drill(environment, database, destination, newest.get());
            }
        }
        event(environment, "Warning", "BackupDrillFailed", database.name() + ": no backup to restore");
        throw new BackupException("no backup of " + database.name() + " in any destination");
    }

    private DrillRunner.DrillResult drill(DesiredEnvironment environment, DatabaseSpec database,
            Destination destination, BackupManifest manifest) {
        DatabaseSpec.RestoreDrill drill = database.backups().drill();
        DrillRunner.DrillResult result = drills.drill(destination.storage(), manifest, source(database),
                drill == null ? List.of() : drill.checks());
        entryId(environment, database, destination, manifest.name()).ifPresent(id -> {
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

    /** Verifies a stored copy (checksum; with {@code deep}, the archive's listing too) and records it as verified. */
    public void verify(DesiredEnvironment environment, DatabaseSpec database, Destination destination,
            BackupManifest manifest, boolean deep) {
        if (deep) {
            runner.verifyDeep(destination.storage(), manifest, drillTables(database));
        } else {
            BackupRunner.fetchVerifiedToTemp(destination.storage(), manifest);
        }
        entryId(environment, database, destination, manifest.name()).ifPresent(id -> catalog.verified(id, clock.instant()));
    }

    /** The tables the database's drill checks name, which a deep verification also looks for. */
    public static List<String> drillTables(DatabaseSpec database) {
        DatabaseSpec.RestoreDrill drill = database.backups() == null ? null : database.backups().drill();
        return drill == null ? List.of() : drill.checks().stream().map(DatabaseSpec.DrillCheck::table)
                .filter(Objects::nonNull).toList();
    }

    /** The newest verified copy's time, if any. */
    public Optional<Instant> lastVerified(DesiredEnvironment environment, DatabaseSpec database) {
        return catalog.entries(environment.project(), environment.name(), database.name()).stream()
                .filter(CatalogEntry::verified).map(CatalogEntry::verifiedAt).max(Instant::compareTo);
    }

    /** The database's destinations, opened, in declaration order. */
    public List<Destination> destinations(DesiredEnvironment environment, DatabaseSpec database) {
        return Destination.of(environment, database, secrets);
    }

    public DatabaseTarget source(DatabaseSpec database) {
        String name = database.url() == null ? null : database.url().name();
        return DatabaseTarget.parse(Optional.ofNullable(name).flatMap(secrets::lookup).orElseThrow(
                () -> new BackupException("the URL secret " + name + " of database " + database.name()
                        + " is not set")));
    }

    private Optional<Long> entryId(DesiredEnvironment environment, DatabaseSpec database, Destination destination,
            String name) {
        return catalog.entries(environment.project(), environment.name(), database.name()).stream()
                .filter(e -> e.name().equals(name) && e.good() && destination.label().equals(e.destination()))
                .map(CatalogEntry::id).findFirst();
    }

    private void event(DesiredEnvironment environment, String type, String reason, String message) {
        events.append(EnvironmentEvent.of(environment.project(), environment.name(), clock.instant(), type, reason,
                message, null));
    }
}
