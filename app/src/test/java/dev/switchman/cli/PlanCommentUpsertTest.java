package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan action keeps one comment per pull request: upsert-comment.sh updates the comment an earlier run made
 * (found by its marker) and creates one only when there is none. GitHub is a stand-in gh that records its calls.
 */
class PlanCommentUpsertTest {

    private static final Path SCRIPT = RepositoryRoot.resolve(".github/actions/plan/upsert-comment.sh");

    @TempDir
    Path dir;

    @Test
    void createsTheCommentWhenNoneIsThere() throws Exception {
        List<String> calls = upsert(Map.of());

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains("repos/acme/infra/issues/7/comments").contains("--paginate")
                .contains("startswith(\"<!-- switchman-plan -->\")");
        assertThat(calls.get(1)).startsWith("api --method POST repos/acme/infra/issues/7/comments -F body=@");
    }

    @Test
    void updatesTheCommentAnEarlierRunMade() throws Exception {
        List<String> calls = upsert(Map.of("EXISTING", "4242"));

        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).startsWith("api --method PATCH repos/acme/infra/issues/comments/4242 -F body=@");
    }

    private List<String> upsert(Map<String, String> environment) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, """
                #!/bin/sh
                echo "$*" >> "$CALLS"
                case "$*" in *--paginate*) if [ -n "${EXISTING:-}" ]; then echo "$EXISTING"; fi ;; esac
                """);
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path body = Files.writeString(dir.resolve("body.md"), "<!-- switchman-plan -->\n### Switchman plan\n");
        Path calls = dir.resolve("calls");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"), "CALLS", calls.toString(),
                "REPO", "acme/infra", "PR", "7", "BODY", body.toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return Files.readAllLines(calls);
    }
}
