package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Take a verified backup before migrating": a {@code pg_dump} backup (reason pre-migration), each copy
 * checked by checksum, when the database declares backups (one verified copy is enough to go on), and an on-demand Railway volume backup followed
 * to completion when it is a Railway volume service. Meant to implement the migration runner's
 * pre-migration backup port; throws {@link BackupException} when no backup could be taken, so the
 * migration must not run.
 */
public final class PreMigrationBackups {

    /** Finds the volume instance of a database's Railway service, if it has one. */
    @FunctionalInterface
    public interface VolumeLookup {
        Optional<String> volumeInstanceId(DesiredEnvironment environment, String service);
    }

    /**
     * What was taken: the pg_dump backup's name and the destinations holding a verified copy of it, and/or the
     * Railway volume backup's workflow id.
     */
    public record Taken(String dumpBackup, List<String> copies, String volumeBackupWorkflow) {

        public Taken {
            copies = copies == null ? List.of() : List.copyOf(copies);
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (dumpBackup != null) {
                parts.add("pg_dump backup " + dumpBackup + " (checksum verified in " + String.join(", ", copies) + ")");
            }
            if (volumeBackupWorkflow != null) {
                parts.add("Railway volume backup (workflow " + volumeBackupWorkflow + ")");
            }
            return String.join(" and ", parts);
        }
    }

    private final DatabaseBackups backups;
    private final RailwayVolumeBackup volumes;
    private final VolumeLookup lookup;

    public PreMigrationBackups(DatabaseBackups backups, RailwayVolumeBackup volumes, VolumeLookup lookup) {
        this.backups = backups;
        this.volumes = volumes;
        this.lookup = lookup;
    }

    public Taken take(DesiredEnvironment environment, DatabaseSpec database, String revision) {
        BackupResult dump = null;
        if (database.backups() != null) {
            dump = backups.backup(environment, database, BackupReason.PRE_MIGRATION, revision);
        }
        String workflow = null;
        Optional<String> volume = database.service() == null || volumes == null ? Optional.empty()
                : lookup.volumeInstanceId(environment, database.service());
        if (volume.isPresent()) {
            String name = "switchman-pre-migration-" + (revision == null ? "manual"
                    : revision.substring(0, Math.min(12, revision.length())));
            workflow = volumes.backup(volume.get(), name);
        }
        if (dump == null && workflow == null) {
            throw new BackupException("database " + database.name() + " of " + environment.qualifiedName()
                    + " has neither backups declared nor a Railway volume: no pre-migration backup can be taken");
        }
        return dump == null ? new Taken(null, List.of(), workflow) : new Taken(dump.manifest().name(),
                dump.copies().stream().filter(CopyResult::stored).map(CopyResult::destination).toList(), workflow);
    }
}
