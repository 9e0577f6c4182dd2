package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec.BackupDestination;
import dev.switchman.desired.Secrets;
import java.nio.file.Path;
import java.util.List;

/**
 * One database's folder in a backup destination. {@link #put} is all-or-nothing: an object is
 * either absent or complete, so a crash mid-upload leaves no half-written dump under its real name.
 */
public interface BackupStorage {

    /** Stores {@code file} under {@code key}, replacing nothing half-written. */
    void put(String key, Path file);

    /** Copies the object {@code key} into {@code target}. */
    void get(String key, Path target);

    /** Stores a small text object (a manifest). */
    void putText(String key, String text);

    /** Reads a small text object. */
    String getText(String key);

    void delete(String key);

    /** The keys in this folder. */
    List<String> keys();

    /** Where this is, for messages: never holds a credential. */
    String describe();

    /** The folder {@code project/environment/database} of {@code destination}. */
    static BackupStorage open(BackupDestination destination, Secrets secrets, String project, String environment,
            String database) {
        String folder = project + "/" + environment + "/" + database;
        return switch (destination) {
            case BackupDestination.Filesystem fs -> new FilesystemStorage(Path.of(fs.path()).resolve(folder));
            case BackupDestination.S3 s3 -> S3Storage.open(s3, secrets, folder);
        };
    }
}
