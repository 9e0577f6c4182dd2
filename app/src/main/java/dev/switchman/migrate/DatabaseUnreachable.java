package dev.switchman.migrate;

/** The application database could not be reached or read; worth retrying, never a failed migration. */
public final class DatabaseUnreachable extends RuntimeException {

    /** @param message already redacted */
    public DatabaseUnreachable(String message) {
        super(message);
    }
}
