package dev.switchman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Desired-state trees for tests, written in the language the users write. */
public final class DesiredStateFiles {

    /** Project {@code shop}: {@code production} with services web and worker, {@code staging} with web. */
    public static final Map<String, String> VALID = Map.of(
            "shop/project.yaml", """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Project
                    metadata:
                      name: shop
                    spec:
                      defaults:
                        services:
                          web:
                            source: { image: ghcr.io/acme/web:1.0.0 }
                    """,
            "shop/production.yaml", """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata:
                      name: production
                      project: shop
                    spec:
                      services:
                        worker:
                          source: { image: ghcr.io/acme/worker:1.0.0 }
                    """,
            "shop/staging.yaml", """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata:
                      name: staging
                      project: shop
                    spec: {}
                    """);

    /** {@link #VALID} with production's health-check timeout out of range on line 11 of production.yaml. */
    public static final Map<String, String> INVALID = Map.of(
            "shop/project.yaml", VALID.get("shop/project.yaml"),
            "shop/production.yaml", VALID.get("shop/production.yaml") + """
                          deploy:
                            healthcheckTimeout: 99999
                    """);

    private DesiredStateFiles() {
    }

    /** Makes {@code root} hold exactly {@code files} (relative path to content). */
    public static void replace(Path root, Map<String, String> files) {
        try {
            clear(root);
            Files.createDirectories(root);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        }
    }
}
