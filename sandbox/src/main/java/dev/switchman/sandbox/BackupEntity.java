package dev.switchman.sandbox;

import java.time.Instant;

/** A volume instance backup; it exists once its creation workflow completed. */
record BackupEntity(String id, String volumeInstanceId, String name, Instant createdAt, Instant expiresAt,
        String scheduleId, int usedMB, int volumeSizeMB) {
}
