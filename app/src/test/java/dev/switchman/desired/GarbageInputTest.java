package dev.switchman.desired;

import static dev.switchman.desired.Trees.rendered;
import static dev.switchman.desired.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input becomes diagnostics; every limit is part of the design, not a timeout. */
class GarbageInputTest {

    @TempDir
    Path root;

    @Test
    void binaryFile() throws IOException {
        Files.write(root.resolve("blob.yaml"), new byte[] {'a', ':', 0, 1, 2});
        assertThat(rendered(root)).containsExactly(
                "blob.yaml: error: binary file (a NUL byte at offset 2); only YAML text is read");
    }

    @Test
    void invalidUtf8() throws IOException {
        Files.write(root.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(rendered(root)).singleElement().asString()
                .startsWith("latin1.yaml: error: not valid UTF-8");
    }

    @Test
    void fileOverOneMebibyte() {
        write(root, "huge.yaml", "# " + "x".repeat(1024 * 1024) + "\n");
        assertThat(rendered(root)).containsExactly(
                "huge.yaml: error: file is 1048579 bytes; the limit is 1048576 (1 MiB)");
    }

    @Test
    void billionLaughs() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(("*" + p + ",").repeat(8)).append('*').append(p).append("]\n");
        }
        write(root, "lol.yaml", bomb.toString());

        LoadResult result = DesiredStateLoader.load(root);

        assertThat(result.state()).isNull();
        assertThat(result.diagnostics()).singleElement().extracting(Diagnostic::message).asString()
                .startsWith("invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=20");
    }

    @Test
    void aliasesWithinTheAliasLimitStillCannotMultiplyPastTheNodeBudget() {
        // 19 aliases (under the limit of 20) to a list of 10,000 items: 190,000 nodes once expanded
        write(root, "wide.yaml", "a: &a [" + "1,".repeat(9_999) + "1]\nb: [" + "*a,".repeat(18) + "*a]\n");

        assertThat(rendered(root)).containsExactly("wide.yaml:1:19984: error: document expands to more than 100000"
                + " nodes; aliases (*name) are multiplying it");
    }

    @Test
    void deepNesting() {
        write(root, "deep.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertThat(rendered(root)).containsExactly(
                "deep.yaml:1:67: error: nesting deeper than 64 levels; a desired state never needs that");
    }

    @Test
    void selfReferencingAliasIsRefused() {
        write(root, "loop.yaml", "a: &a [*a]\n");
        assertThat(rendered(root)).singleElement().asString().startsWith("loop.yaml:1:");
    }

    @Test
    void tooManyFiles() {
        for (int i = 0; i <= SourceTree.MAX_FILES; i++) {
            write(root, "many/f" + i + ".yaml", "");
        }
        assertThat(rendered(root)).containsExactly(
                "many/f0.yaml: error: 1001 YAML files below the desired-state directory; the limit is 1000");
    }

    @Test
    void emptyFileIsAWarningAndTheEmptyStateIsRepresentable() {
        write(root, "empty.yaml", "\n\n");

        LoadResult result = DesiredStateLoader.load(root);

        assertThat(result.diagnostics()).extracting(Diagnostic::render).containsExactly(
                ".: warning: no environments declared; an empty desired state is never acted on",
                "empty.yaml: warning: empty file; ignored");
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.state().isEmpty()).isTrue();
    }

    @Test
    void emptyTree() {
        LoadResult result = DesiredStateLoader.load(root);
        assertThat(result.state().isEmpty()).isTrue();
        assertThat(result.state().revision()).matches("sha256:[0-9a-f]{12}");
        assertThat(result.diagnostics()).extracting(Diagnostic::severity).containsExactly(Diagnostic.Severity.WARNING);
    }

    @Test
    void nonMappingDocument() {
        write(root, "list.yaml", "- a\n- b\n");
        assertThat(rendered(root)).containsExactly("list.yaml:1:1: error: a document must be a mapping with"
                + " apiVersion, kind, metadata and spec; got a list");
    }

    @Test
    void syntaxErrorPointsAtTheLine() {
        write(root, "broken.yaml", "a: [1, 2\nb: c\n");
        assertThat(rendered(root)).singleElement().asString().startsWith("broken.yaml:2:").contains("invalid YAML");
    }

    @Test
    void hiddenDirectoriesAndOtherFilesAreSkipped() {
        write(root, ".git/config.yaml", "- not read\n");
        write(root, "README.md", "- not read\n");
        assertThat(rendered(root)).containsExactly(
                ".: warning: no environments declared; an empty desired state is never acted on");
    }

    @Test
    void symlinkOutOfTheTreeIsNotFollowed(@TempDir Path outside) throws IOException {
        Path secret = write(outside, "elsewhere.yaml", "- outside\n");
        Files.createSymbolicLink(root.resolve("link.yaml"), secret);
        assertThat(rendered(root)).contains(
                "link.yaml: warning: symbolic link leads outside the desired-state directory; skipped");
    }

    @Test
    void missingRoot() {
        LoadResult result = DesiredStateLoader.load(root.resolve("nope"));
        assertThat(result.state()).isNull();
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("the desired-state directory does not exist or is not a directory");
    }
}
