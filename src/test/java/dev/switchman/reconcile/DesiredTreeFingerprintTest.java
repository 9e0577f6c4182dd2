package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.testing.DesiredStateFiles;

class DesiredTreeFingerprintTest {

    @TempDir
    Path root;

    @Test
    void contentRevisionIsTheRevisionTheLoaderGivesTheSameTree() {
        DesiredStateFiles.replace(root, DesiredStateFiles.VALID);

        assertThat(DesiredTreeFingerprint.contentRevision(root))
                .isEqualTo(DesiredStateLoader.load(root).state().revision());
    }

    @Test
    void stampChangesWithAnyFileBelowTheRootButNotWithHiddenDirectories() throws IOException {
        DesiredStateFiles.replace(root, DesiredStateFiles.VALID);
        String before = DesiredTreeFingerprint.stamp(root);

        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertThat(DesiredTreeFingerprint.stamp(root)).isEqualTo(before);

        Files.writeString(root.resolve("shop/extra.yaml"), "# nothing yet\n");
        assertThat(DesiredTreeFingerprint.stamp(root)).isNotEqualTo(before);
    }

    @Test
    void aMissingDirectoryHasAStampAndARevision() {
        Path missing = root.resolve("missing");

        assertThat(DesiredTreeFingerprint.stamp(missing)).isEqualTo(DesiredTreeFingerprint.stamp(missing));
        assertThat(DesiredTreeFingerprint.contentRevision(missing)).startsWith("sha256:");
    }

    @Test
    void swappingTheTargetOfLinkedFilesChangesTheStampAsInAMountedConfigMap() throws IOException {
        // a ConfigMap volume: visible files link through ..data to a hidden, versioned directory
        Files.createDirectories(root.resolve("..v1"));
        Files.createDirectories(root.resolve("..v2"));
        Files.writeString(root.resolve("..v1/env.yaml"), "a: 1\n");
        Files.writeString(root.resolve("..v2/env.yaml"), "a: 2\n");
        Files.createSymbolicLink(root.resolve("..data"), Path.of("..v1"));
        Files.createSymbolicLink(root.resolve("env.yaml"), Path.of("..data/env.yaml"));
        String before = DesiredTreeFingerprint.stamp(root);

        Files.delete(root.resolve("..data"));
        Files.createSymbolicLink(root.resolve("..data"), Path.of("..v2"));

        assertThat(DesiredTreeFingerprint.stamp(root)).isNotEqualTo(before);
    }
}
