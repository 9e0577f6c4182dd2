package dev.switchman.store;

import java.time.Instant;

/**
 * One load of the desired-state tree whose revision differed from the previous load.
 *
 * @param id assigned by the store; 0 for a load not yet recorded
 * @param valid true when the tree had no errors and became the state in force
 * @param diagnosticsJson a JSON array of {@code {severity, file, line, column, path, message}}
 */
public record DesiredStateLoad(
        long id, String revision, Instant loadedAt, boolean valid, int errorCount, String diagnosticsJson) {
}
