package dev.switchman.observed;

import java.util.Set;

/**
 * A volume instance mounted on a service.
 *
 * @param backupSchedules Railway's volume backup schedule kinds that are on (DAILY, WEEKLY, MONTHLY)
 */
public record ObservedVolume(String volumeId, String volumeInstanceId, String mountPath, Integer sizeMB,
        String state, Set<String> backupSchedules) {

    public ObservedVolume {
        backupSchedules = Set.copyOf(backupSchedules);
    }
}
