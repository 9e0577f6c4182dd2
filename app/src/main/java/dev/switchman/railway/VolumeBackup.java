package dev.switchman.railway;

import java.time.Instant;

/**
 * One Railway volume backup.
 *
 * @param scheduleId the schedule that made it, or null for a manual backup
 * @param expiresAt when Railway deletes it, or null if locked (kept forever)
 */
public record VolumeBackup(String id, String name, Instant createdAt, Instant expiresAt, Integer usedMB,
        Integer referencedMB, String scheduleId) {
}
