package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small desired-state trees for tests and renders what loading them reports. */
final class Trees {

    static final String PROJECT = """
            apiVersion: switchman.dev/v1alpha1
            kind: Project
            metadata:
              name: shop
            spec:
              defaults:
                services:
                  web:
                    source: { image: nginx:1.27 }
                    deploy: { healthcheckTimeout: 30 }
            """;

    private Trees() {
    }

    static Path write(Path root, String file, String text) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String environment(String name, String spec) {
        return "apiVersion: switchman.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: " + name
                + "\n  project: shop\nspec:\n" + spec.stripTrailing().indent(2);
    }

    static List<String> rendered(Path root) {
        return DesiredStateLoader.load(root).diagnostics().stream().map(Diagnostic::render).toList();
    }
}
