package dev.switchman.backup;

import dev.switchman.apply.RailwayTargets;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.RailwayApi;
import dev.switchman.source.DesiredStateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The daemon's pre-migration backup, the migration runner's {@link PreMigrationBackup} port: a
 * checksum-verified {@code pg_dump}, plus a Railway volume backup when the database's service has a
 * volume.
 */
@ApplicationScoped
public class PreMigrationBackupService implements PreMigrationBackup {

    private final PreMigrationBackups backups;

    PreMigrationBackupService(BackupService service, RailwayApi railway, DesiredStateHolder desired) {
        RailwayTargets targets = new RailwayTargets(railway, name -> desired.current().flatMap(state -> state
                .railwayProjectId(name)));
        this.backups = new PreMigrationBackups(service.backups(), RailwayVolumeBackup.sleeping(railway),
                (environment, serviceName) -> volumeInstanceId(railway, targets, environment, serviceName));
    }

    /** Takes the backup(s) now; {@link PreMigrationBackup.BackupFailed} when no verified backup was made. */
    @Override
    public BackupReceipt takeVerified(DesiredEnvironment environment, DatabaseSpec database, String revision) {
        Instant at = Instant.now();
        PreMigrationBackups.Taken taken;
        try {
            taken = backups.take(environment, database, revision);
        } catch (BackupException failure) {
            throw new BackupFailed(failure.getMessage(), failure);
        }
        String location = taken.dumpBackup() != null
                ? taken.copies().stream().map(folder -> withSlash(folder) + taken.dumpBackup() + ".dump")
                        .collect(Collectors.joining(" and "))
                : "Railway volume backups of service " + database.service();
        return new BackupReceipt(taken.dumpBackup() != null ? taken.dumpBackup() : taken.volumeBackupWorkflow(),
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
