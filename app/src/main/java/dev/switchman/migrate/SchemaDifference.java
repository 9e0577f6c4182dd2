package dev.switchman.migrate;

/**
 * One way the live schema differs from the one recorded after the last migration.
 *
 * @param object {@code kind name}, e.g. {@code column public.orders.total}
 * @param expected its definition after the last migration, or null when it was not there
 * @param actual its definition now, or null when it is gone
 */
public record SchemaDifference(Kind kind, String object, String expected, String actual) {

    public enum Kind {
        /** Recorded after the last migration, gone now (dropped by hand). */
        MISSING,
        /** There now, not recorded after the last migration (created by hand). */
        EXTRA,
        /** There in both, defined differently. */
        CHANGED
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MISSING -> "missing " + object + " (" + expected + ")";
            case EXTRA -> "extra " + object + " (" + actual + ")";
            case CHANGED -> "changed " + object + ": " + expected + " -> " + actual;
        };
    }
}
