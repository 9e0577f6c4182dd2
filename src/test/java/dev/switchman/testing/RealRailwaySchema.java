package dev.switchman.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Railway's real schema (its introspection answer), kept in {@code shared/railway-api/schema.json} beside
 * the checkout on the project's machines, for the tests that hold the project's GraphQL to it. Where it
 * is missing they compare nothing and say so; in CI (the variable {@code CI} set) a missing schema
 * fails them, since a check that compared nothing there would pass unseen.
 */
public final class RealRailwaySchema {

    private static final Path RELATIVE = Path.of("shared", "railway-api", "schema.json");

    private RealRailwaySchema() {
    }

    /** The schema beside this checkout, or empty (with a line saying so) when it is absent outside CI. */
    public static Optional<Path> find(String test) {
        return find(test, Path.of("").toAbsolutePath(), System.getenv());
    }

    /** Looks beside {@code start} and beside each folder above it, so a module's tests find it too. */
    static Optional<Path> find(String test, Path start, Map<String, String> environment) {
        for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling(RELATIVE.toString());
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        String where = start.resolveSibling(RELATIVE.toString()).normalize().toString();
        if (inCi(environment)) {
            throw new AssertionError(test + ": Railway's real schema is missing (looked for " + where
                    + " and beside every folder above it), and CI is set: the comparison must run in CI."
                    + " Check out the shared folder beside this checkout.");
        }
        System.out.println(test + ": " + where + " not found; compared nothing (in CI this fails)");
        return Optional.empty();
    }

    /** {@code CI} set to anything but empty or {@code false}, as CI services and {@code .ci/run} set it. */
    static boolean inCi(Map<String, String> environment) {
        String ci = environment.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
