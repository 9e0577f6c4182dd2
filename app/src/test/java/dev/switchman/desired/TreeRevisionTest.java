package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.DesiredStateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRevisionTest {

    @TempDir
    Path root;

    @Test
    void contentRevisionIsTheRevisionTheLoaderGivesTheSameTree() {
        DesiredStateFiles.replace(root, DesiredStateFiles.VALID);

        assertThat(TreeRevision.of(root))
                .isEqualTo(DesiredStateLoader.load(root).state().revision());
    }

    @Test
    void stampChangesWithAnyFileBelowTheRootButNotWithHiddenDirectories() throws IOException {
        DesiredStateFiles.replace(root, DesiredStateFiles.VALID);
        String before = TreeRevision.stamp(root);

        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertThat(TreeRevision.stamp(root)).isEqualTo(before);

        Files.writeString(root.resolve("shop/extra.yaml"), "# nothing yet\n");
        assertThat(TreeRevision.stamp(root)).isNotEqualTo(before);
    }

    @Test
    void theRevisionCoversTheFilesTheYamlRefersToNotOnlyTheYaml() throws IOException {
        DesiredStateFiles.replace(root, DesiredStateFiles.VALID);
        Files.createDirectories(root.resolve("migrations"));
        Files.writeString(root.resolve("migrations/V1__init.sql"), "create table a (id int);");
        String before = TreeRevision.of(root);

        Files.writeString(root.resolve("migrations/V1__init.sql"), "create table a (id bigint);");

        assertThat(TreeRevision.of(root)).isNotEqualTo(before);
    }

    @Test
    void aMissingDirectoryHasAStampAndARevision() {
        Path missing = root.resolve("missing");

        assertThat(TreeRevision.stamp(missing)).isEqualTo(TreeRevision.stamp(missing));
        assertThat(TreeRevision.of(missing)).startsWith("sha256:");
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
        String before = TreeRevision.stamp(root);

        Files.delete(root.resolve("..data"));
        Files.createSymbolicLink(root.resolve("..data"), Path.of("..v2"));

        assertThat(TreeRevision.stamp(root)).isNotEqualTo(before);
    }
}
