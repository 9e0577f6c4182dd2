package dev.switchman.backup;

import java.util.List;

/**
 * A backup taken: its manifest and what became of its copy in each destination.
 *
 * @param copies one per destination, in declaration order; at least one was stored
 */
public record BackupResult(BackupManifest manifest, List<CopyResult> copies) {

    public BackupResult {
        copies = List.copyOf(copies);
    }

    /** The copies that could not be written or verified. */
    public List<CopyResult> failedCopies() {
        return copies.stream().filter(c -> !c.stored()).toList();
    }
}
