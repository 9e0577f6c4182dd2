package dev.switchman.backup;

/** A backup, verification, restore or drill that did not succeed; the message says why. */
public final class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
