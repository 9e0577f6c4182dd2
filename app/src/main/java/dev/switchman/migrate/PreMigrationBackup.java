package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import java.time.Instant;

/**
 * The port the backup package implements: a backup of {@code database} taken now and verified
 * (checksum written and read back) before any pending migration runs. Called only when there is
 * something to migrate and {@code backups.beforeMigrations} is true; when no implementation is
 * wired, migrations do not run (Stalled {@code BackupUnavailable}) rather than run unprotected.
 */
@FunctionalInterface
public interface PreMigrationBackup {

    /**
     * @param revision the desired-state revision about to be migrated to (for the backup's manifest)
     * @return what was taken, for the run log and the failure message
     * @throws BackupFailed when no verified backup could be made; migrations then do not run
     */
    BackupReceipt takeVerified(DesiredEnvironment environment, DatabaseSpec database, String revision);

    /** A verified backup. @param location where it is, as a person would look for it (path or URL without credentials) */
    record BackupReceipt(String id, String location, Instant takenAt) {

        @Override
        public String toString() {
            return id + " at " + location;
        }
    }

    /** No verified backup: the message says why, without secrets. */
    final class BackupFailed extends RuntimeException {

        public BackupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
