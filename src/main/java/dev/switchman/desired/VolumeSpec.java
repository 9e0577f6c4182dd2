package dev.switchman.desired;

import java.util.Set;

/**
 * A service's Railway volume as Switchman manages it: where it is mounted and which of
 * Railway's volume backup schedules are on.
 *
 * @param mountPath the mount path, or null if not managed
 * @param backupSchedules the complete set of schedules, or null if not managed
 */
public record VolumeSpec(String mountPath, Set<BackupSchedule> backupSchedules) {

    public VolumeSpec {
        backupSchedules = backupSchedules == null ? null : Set.copyOf(backupSchedules);
    }

    /** Railway's volume backup schedule kinds (kept 6 days, 1 month, 3 months). */
    public enum BackupSchedule { DAILY, WEEKLY, MONTHLY }
}
