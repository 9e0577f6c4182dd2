package dev.switchman.migrate;

/**
 * What a person does about a row Flyway left with {@code success = false}: Flyway records one when a
 * script that runs outside a transaction ({@code CREATE INDEX CONCURRENTLY}, ...) fails, because part of
 * it may have taken effect. Nothing migrates the database while the row is there, and Switchman never
 * repairs a history itself, so the words say which row it is and how to clear it.
 */
final class FailedHistoryRow {

    private FailedHistoryRow() {
    }

    /** The advice for version {@code version}'s failed row, as one sentence to append to a message. */
    static String advice(String version) {
        return "Flyway left V" + version + " in flyway_schema_history with success = false, and nothing migrates this"
                + " database until a person removes that row: first undo what the script left behind (a failed CREATE"
                + " INDEX CONCURRENTLY leaves an INVALID index: drop it), then run"
                + " `delete from flyway_schema_history where version = '" + version + "' and not success`"
                + " and let a new revision retry the script";
    }
}
