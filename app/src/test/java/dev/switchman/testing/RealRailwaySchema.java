package dev.switchman.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Railway's real schema (its introspection answer), kept in {@code shared/railway-api/schema.json} beside
 * the checkout on the project's machines, for the tests that hold the project's GraphQL to it. Where it
 * is missing they compare nothing and say so. {@code .ci/run} names the schema it found in
 * {@code SWITCHMAN_RAILWAY_SCHEMA}; with that variable set, a schema the tests cannot read fails them, since a
 * check that compared nothing there would pass unseen. (Not the variable {@code CI}: GitHub sets it on every
 * runner, where no shared folder exists, and a clone alone must build and test.)
 */
public final class RealRailwaySchema {

    /** The schema's path, set by {@code .ci/run} when it found one: the tests must then compare. */
    static final String REQUIRED = "SWITCHMAN_RAILWAY_SCHEMA";

    private static final Path RELATIVE = Path.of("shared", "railway-api", "schema.json");

    private RealRailwaySchema() {
    }

    /** The schema beside this checkout, or empty (with a line saying so) when it is absent outside CI. */
    public static Optional<Path> find(String test) {
        return find(test, RepositoryRoot.path(), System.getenv());
    }

    /** Looks beside {@code start} and beside each folder above it (a checkout inside a folder of checkouts). */
    static Optional<Path> find(String test, Path start, Map<String, String> environment) {
        String required = environment.get(REQUIRED);
        if (required != null && !required.isBlank()) {
            Path named = Path.of(required);
            if (!Files.isRegularFile(named)) {
                throw new AssertionError(test + ": " + REQUIRED + " names " + named + ", which is not a readable file:"
                        + " the comparison .ci/run asked for cannot run");
            }
            return Optional.of(named);
        }
        for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling(RELATIVE.toString());
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        String where = start.resolveSibling(RELATIVE.toString()).normalize().toString();
        System.out.println(test + ": " + where + " not found; compared nothing (with " + REQUIRED
                + " set, as .ci/run sets it when the schema is there, this fails)");
        return Optional.empty();
    }
}
