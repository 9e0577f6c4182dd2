package dev.switchman.bench;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a generated desired-state tree: one project, N environments, M image services each. */
final class BenchDesiredState {

    private BenchDesiredState() {
    }

    /** {@code version} goes into one variable of every service, so a new version changes every environment. */
    static void write(Path dir, int environments, int services, String version) throws IOException {
        write(dir, environments, services, version, "10s");
    }

    /** @param interval how often each environment is looked at for drift ({@code policy.interval}) */
    static void write(Path dir, int environments, int services, String version, String interval) throws IOException {
        StringBuilder project = new StringBuilder("""
                apiVersion: switchman.dev/v1alpha1
                kind: Project
                metadata: { name: bench }
                spec:
                  defaults:
                    policy: { drift: selfHeal, interval: %s }
                    sharedVariables: { LOG_LEVEL: info }
                    services:
                """.formatted(interval));
        for (int s = 1; s <= services; s++) {
            project.append(String.format(Locale.ROOT, """
                          svc-%03d:
                            source: { image: "ghcr.io/acme/svc-%03d:1.0.%d" }
                            deploy: { healthcheckPath: /health, healthcheckTimeout: 120, restartPolicyType: ON_FAILURE }
                            variables: { PORT: "8080", RELEASE: "%s", PEER: "${{svc-001.RAILWAY_PRIVATE_DOMAIN}}" }
                    """, s, s, s, version));
        }
        Files.writeString(dir.resolve("project.yaml"), project.toString());
        for (int e = 1; e <= environments; e++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "env-%02d.yaml", e)), String.format(Locale.ROOT, """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata: { name: env-%02d, project: bench }
                    spec: {}
                    """, e));
        }
    }

    static String revisionOf(Path dir) {
        LoadResult result = DesiredStateLoader.load(dir);
        if (result.hasErrors()) {
            throw new IllegalStateException("the generated desired state is invalid: " + result.diagnostics());
        }
        return result.state().revision();
    }
}
