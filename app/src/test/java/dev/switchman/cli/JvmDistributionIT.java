package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.testing.RepositoryRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM distribution a release attaches, packed by .ci/package-jvm-dist from the packaged application: its
 * launcher runs Switchman with the footprint defaults of lib/jvm.options, and SWITCHMAN_LOG_JSON=true turns the
 * daemon's log into JSON lines.
 */
class JvmDistributionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLauncherRunsWithSmallJvmDefaults() throws Exception {
        Path home = unpacked();
        assertThat(home.resolve("lib/jvm.options")).exists();
        assertThat(home.resolve("schema/switchman.schema.json")).exists();
        assertThat(home.resolve("LICENSE")).exists();

        Run run = run(home, Map.of("SWITCHMAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "version");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("-XX:+UseSerialGC", "-XX:MaxHeapSize=134217728", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxMetaspaceSize=167772160", "-XX:TieredStopAtLevel=1").containsPattern("(?m)^switchman \\S+");
    }

    @Test
    void switchmanLogJsonMakesEveryLogLineAJsonObject() throws Exception {
        Path home = unpacked();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/switchman").toString(), "serve", "--sandbox",
                "--dir", RepositoryRoot.resolve("desired-state").toString()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SWITCHMAN_LOG_JSON", "true", "PORT", "0"));
        builder.environment().remove("DATABASE_URL");
        Process daemon = builder.start();
        try {
            CompletableFuture<JsonNode> started = CompletableFuture.supplyAsync(() -> firstJsonLineSaying(daemon,
                    "reconcile loop started"));
            JsonNode line = started.get(3, TimeUnit.MINUTES);
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("loggerName").asText()).startsWith("dev.switchman.");
        } finally {
            daemon.destroy();
            daemon.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** Every line must parse as a JSON object until the one whose message contains {@code text}. */
    private static JsonNode firstJsonLineSaying(Process daemon, String text) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.isBlank() || !line.startsWith("{")) {
                    continue; // the embedded PostgreSQL's own tools write to the same stream
                }
                JsonNode node = JSON.readTree(line);
                if (node.path("message").asText().contains(text)) {
                    return node;
                }
            }
            throw new AssertionError("the daemon stopped before logging \"" + text + "\"");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path home, Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/switchman").toString()).redirectErrorStream(true);
        builder.command().addAll(List.of(args));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** Packs the distribution with the release's script and unpacks it into target/. */
    private static Path unpacked() throws Exception {
        Process packing = new ProcessBuilder("bash", RepositoryRoot.resolve(".ci/package-jvm-dist").toString())
                .redirectErrorStream(true).start();
        String printed = new String(packing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(packing.waitFor()).as(printed).isZero();
        Path tarball = RepositoryRoot.resolve(printed); // the script names it from the repository's root
        Path into = Files.createDirectories(Path.of("target/dist-it"));
        Process unpacking = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString()).inheritIO()
                .start();
        assertThat(unpacking.waitFor()).isZero();
        String name = tarball.getFileName().toString().replace("-jvm.tar.gz", "");
        return into.resolve(name).toAbsolutePath();
    }
}
