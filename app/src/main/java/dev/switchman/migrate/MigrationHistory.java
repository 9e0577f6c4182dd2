package dev.switchman.migrate;

import java.util.List;

/**
 * A database's migration history compared with the repository's scripts.
 *
 * @param applied versions applied successfully, oldest first
 * @param pending scripts that would run, in order
 * @param differences where the history disagrees with the repository; migrating is refused while any exist
 */
public record MigrationHistory(List<String> applied, List<PendingScript> pending, List<HistoryDifference> differences) {

    public MigrationHistory {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        differences = List.copyOf(differences);
    }

    /** A script not yet applied. @param file its file name in the migrations folder */
    public record PendingScript(String version, String description, String file) {

        @Override
        public String toString() {
            return "V" + version + " " + file;
        }
    }

    public boolean diverged() {
        return !differences.isEmpty();
    }
}
