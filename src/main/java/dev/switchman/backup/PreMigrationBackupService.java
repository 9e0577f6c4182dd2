package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredProject;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.RailwayApi;
import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.reconcile.RailwayTargets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The daemon's pre-migration backup, shaped like the migration runner's port
 * ({@code migrate.PreMigrationBackup.takeVerified}): a thin adapter implementing that interface maps
 * {@link Receipt} to its receipt and {@link BackupException} to its failure.
 */
@ApplicationScoped
public class PreMigrationBackupService {

    /** A verified pre-migration backup: {@code location} is a path or URL without credentials. */
    public record Receipt(String id, String location, Instant takenAt) {
    }

    private final BackupService service;
    private final PreMigrationBackups backups;

    PreMigrationBackupService(BackupService service, RailwayApi railway, DesiredStateHolder desired) {
        this.service = service;
        RailwayTargets targets = new RailwayTargets(railway, name -> desired.current().flatMap(state -> state
                .projects().stream().filter(p -> p.name().equals(name)).findFirst())
                .map(DesiredProject::railwayProjectId));
        this.backups = new PreMigrationBackups(service.backups(), RailwayVolumeBackup.sleeping(railway),
                (environment, serviceName) -> volumeInstanceId(railway, targets, environment, serviceName));
    }

    /** Takes the backup(s) now; throws {@link BackupException} when no verified backup was made. */
    public Receipt takeVerified(DesiredEnvironment environment, DatabaseSpec database, String revision) {
        Instant at = Instant.now();
        PreMigrationBackups.Taken taken = backups.take(environment, database, revision);
        String location = taken.dumpBackup() != null
                ? withSlash(service.backups().storage(environment, database).describe()) + taken.dumpBackup() + ".dump"
                : "Railway volume backups of service " + database.service();
        return new Receipt(taken.dumpBackup() != null ? taken.dumpBackup() : taken.volumeBackupWorkflow(),
                location + (taken.dumpBackup() != null && taken.volumeBackupWorkflow() != null
                        ? " (and Railway volume backup workflow " + taken.volumeBackupWorkflow() + ")" : ""),
                at);
    }

    private static String withSlash(String folder) {
        return folder.endsWith("/") ? folder : folder + "/";
    }

    private static Optional<String> volumeInstanceId(RailwayApi railway, RailwayTargets targets,
            DesiredEnvironment environment, String serviceName) {
        ObservedService observed = RailwayEnvironmentParser.parse(railway.environmentState(
                targets.environmentId(environment))).services().get(serviceName);
        return Optional.ofNullable(observed).map(ObservedService::volume).map(v -> v.volumeInstanceId());
    }
}
