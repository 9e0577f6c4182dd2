package dev.switchman.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A desired-state tree for backup tests: acme/production with database {@code shop} backed up to a directory. */
public final class BackupTrees {

    private BackupTrees() {
    }

    /**
     * Writes the tree under {@code desired}; {@code extraBackupYaml} is appended to the database's
     * {@code backups} mapping (indented by the caller with 8 spaces), e.g. a drill.
     */
    public static void write(Path desired, Path backups, String extraBackupYaml) throws IOException {
        Path acme = Files.createDirectories(desired.resolve("acme"));
        Files.writeString(acme.resolve("project.yaml"), """
                apiVersion: switchman.dev/v1alpha1
                kind: Project
                metadata: { name: acme }
                spec: {}
                """);
        Files.writeString(acme.resolve("production.yaml"), """
                apiVersion: switchman.dev/v1alpha1
                kind: Environment
                metadata: { name: production, project: acme }
                spec:
                  databases:
                    shop:
                      url: { secretRef: SHOP_DATABASE_URL }
                      backups:
                        schedule: "0 3 * * *"
                        destination: { filesystem: { path: "%s" } }
                """.formatted(backups) + extraBackupYaml);
    }
}
