package dev.switchman.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Deterministic UUIDs: the same seed, kinds and names (or creation order) give the same ids. */
final class SandboxIds {

    private final String seed;
    private final Map<String, Integer> counters = new HashMap<>();

    SandboxIds(String seed) {
        this.seed = seed;
    }

    /** Id of a named resource, e.g. ("service", "project-a/api"). */
    String named(String kind, String name) {
        return UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Id of the next unnamed resource of a kind (deployments, patches, backups, workflows). */
    synchronized String next(String kind) {
        int n = counters.merge(kind, 1, Integer::sum);
        return named(kind, "#" + n);
    }

    /** A 40-hex-digit commit sha, deterministic like the ids. */
    String commitSha(String name) {
        String a = named("commit", name).replace("-", "");
        String b = named("commit2", name).replace("-", "");
        return (a + b).substring(0, 40);
    }
}
