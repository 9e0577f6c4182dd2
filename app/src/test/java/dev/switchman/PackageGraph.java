package dev.switchman;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Switchman packages each package may use, bottom to top: the "May import" line of each package-info, in
 * one table a test enforces. A package not named here fails {@link ArchitectureTest} until it is placed.
 */
final class PackageGraph {

    static final String ROOT = "dev.switchman";

    /** The setting catalog, desired, observed and plan are functions of their inputs: no framework, HTTP or JDBC. */
    static final List<String> PURE = List.of("settings", "desired", "observed", "plan");

    static final String[] FRAMEWORK_HTTP_JDBC = {"io.quarkus..", "jakarta..", "io.vertx..", "org.jboss..",
        "java.net.http..", "java.sql..", "javax.sql..", "org.eclipse.microprofile..", "io.smallrye.."};

    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        place("redaction");
        place("settings");
        place("config");
        place("railway", "settings");
        place("observed", "settings");
        // a module of its own (sandbox/), which cannot see the application's packages; here so that only cli uses it
        place("sandbox");
        place("desired.diagnostic");
        place("desired.yaml", "desired.diagnostic");
        place("desired.shape", "desired.yaml", "desired.diagnostic");
        place("desired", "desired.shape", "desired.yaml", "desired.diagnostic", "settings");
        place("plan", "desired", "desired.diagnostic", "observed", "settings");
        place("secrets", "desired");
        place("store", "config");
        place("retention", "config", "store");
        place("notify", "desired", "plan", "redaction", "store");
        place("source", "config", "desired", "desired.diagnostic", "redaction", "store");
        place("apply", "desired", "observed", "plan", "railway", "settings");
        place("rollout", "desired", "observed", "railway", "settings", "store");
        place("migrate", "config", "desired", "notify", "redaction", "store");
        place("backup", "apply", "config", "desired", "migrate", "notify", "observed", "railway", "redaction",
                "source", "store");
        place("reconcile", "apply", "config", "desired", "desired.diagnostic", "migrate", "notify", "observed",
                "plan", "railway", "redaction", "rollout", "secrets", "source", "store");
        place("web", "apply", "backup", "config", "desired", "desired.diagnostic", "migrate", "notify", "observed",
                "plan", "railway", "reconcile", "redaction", "rollout", "source", "store");
        place("web.ui", "config", "desired", "desired.diagnostic", "railway", "reconcile", "settings", "source", "store",
                "web");
        place("cli", MAY_USE.keySet().toArray(String[]::new));
    }

    private PackageGraph() {
    }

    private static void place(String name, String... below) {
        for (String used : below) {
            if (!MAY_USE.containsKey(used)) {
                throw new IllegalStateException(name + " may use only packages placed before it, not " + used);
            }
        }
        MAY_USE.put(name, Set.of(below));
    }

    static String full(String shortName) {
        return ROOT + "." + shortName;
    }

    static String shortName(String packageName) {
        return packageName.substring(ROOT.length() + 1);
    }

    /** Every placed package {@code name} may not use (its own classes aside), as exact package names. */
    static String[] forbiddenFor(String name) {
        Set<String> forbidden = new HashSet<>(MAY_USE.keySet());
        forbidden.removeAll(MAY_USE.get(name));
        forbidden.remove(name);
        return forbidden.stream().map(PackageGraph::full).sorted().toArray(String[]::new);
    }
}
