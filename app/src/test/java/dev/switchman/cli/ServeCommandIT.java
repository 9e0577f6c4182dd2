package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.Eventually;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchman serve} says what it runs on and where its status page is, as the packaged application prints it
 * to a person starting it.
 */
class ServeCommandIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private Process daemon;
    private Path output;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor();
            }
        }
    }

    private String serve(String... args) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", "target/quarkus-app/quarkus-run.jar", "serve", "--dir",
                RepositoryRoot.resolve("desired-state").toString()));
        command.addAll(List.of(args));
        output = dir.resolve("serve.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RAILWAY_") || name.equals("DATABASE_URL")
                || name.startsWith("QUARKUS_DATASOURCE"));
        builder.environment().put("PORT", String.valueOf(port));
        daemon = builder.start();
        Eventually.until("serve says where it serves", STARTUP, () -> printed().contains("/q/health/ready\n")
                || !daemon.isAlive());
        return printed();
    }

    private String printed() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutATokenOrADatabaseItWarnsLoudlyAndSaysWhereToLook() throws IOException {
        String printed = serve();

        assertThat(printed).contains("WARN").contains("no Railway token: set RAILWAY_TOKEN")
                .contains("no DATABASE_URL: Switchman's state").contains("DELETED WHEN SWITCHMAN STOPS")
                .containsPattern("Switchman is serving on http://localhost:\\d+\\. Try:\\n  switchman status -w");
    }

    @Test
    void theSandboxPrintsItsUrlTokenAndStatusPageAndKeepsQuietAboutItsThrowAwayStore() throws Exception {
        String printed = serve("--sandbox");

        Matcher page = Pattern.compile("Status page: (http://localhost:\\d+/)\n").matcher(printed);
        assertThat(page.find()).as("serve prints the status page's address: %s", printed).isTrue();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page.group(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).as("the page at that address").contains("<h1>Environments</h1>");
        assertThat(printed).containsPattern("RAILWAY_API_URL=http://127\\.0\\.0\\.1:\\d+/graphql/v2")
                .contains("RAILWAY_API_TOKEN=" + SandboxSeed.ACCOUNT_TOKEN)
                .contains("curl -s http://localhost:").doesNotContain("no Railway token")
                .doesNotContain("DELETED WHEN SWITCHMAN STOPS");
    }
}
