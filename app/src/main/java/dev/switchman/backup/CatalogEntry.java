package dev.switchman.backup;

import java.time.Instant;

/**
 * One copy of a backup attempt as the catalog knows it.
 *
 * @param status {@code running}, {@code completed}, {@code failed}, {@code deleted}, or {@code abandoned} (left
 *     {@code running} by a process that died; see {@link BackupCatalog#abandonRunning})
 * @param destination where this copy is ({@link BackupStorage#describe()}): a backup has one row per destination
 * @param verifiedAt when a checksum check or a restore drill last passed, or null
 */
public record CatalogEntry(long id, String project, String environment, String database, String name,
        BackupReason reason, String status, String destination, Long sizeBytes, String sha256, Instant startedAt,
        Instant finishedAt, String error, Instant verifiedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String DELETED = "deleted";
    public static final String ABANDONED = "abandoned";

    /** A finished dump with its manifest: the only kind a restore may use. */
    public boolean good() {
        return COMPLETED.equals(status);
    }

    public boolean verified() {
        return good() && verifiedAt != null;
    }
}
