package dev.switchman.migrate;

/**
 * One way a database's applied history disagrees with the scripts in the repository.
 *
 * @param version the migration version ({@code 2}, {@code 1.1})
 * @param script the script's description or file, as Flyway knows it
 * @param detail Flyway's words for it (checksums included for a changed script)
 */
public record HistoryDifference(Kind kind, String version, String script, String detail) {

    public enum Kind {
        /** An applied script was edited after it ran. */
        CHECKSUM_CHANGED,
        /** Applied to the database, absent from the repository. */
        MISSING_FROM_REPOSITORY,
        /** In the repository with a version below one already applied, so it would run out of order. */
        OUT_OF_ORDER,
        /** A previous attempt left a failed row in the history. */
        FAILED_IN_HISTORY,
        /** Any other disagreement Flyway's validation reports. */
        OTHER
    }

    @Override
    public String toString() {
        return kind + " V" + version + " (" + script + "): " + detail;
    }
}
