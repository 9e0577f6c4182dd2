package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.daemon.SandboxDaemonProfile;
import dev.switchman.testing.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code switchman status} against the running daemon (the loop on, the worked examples, the sandbox). */
@QuarkusTest
@TestProfile(SandboxDaemonProfile.class)
class StatusCommandIT {

    @TestHTTPResource("/")
    URL root;

    private String server() {
        return root.toString().replaceAll("/$", "");
    }

    private boolean allReady() {
        CommandRun run = CommandRun.of("status", "--server", server(), "-o", "json");
        try {
            JsonNode environments = Documents.JSON.readTree(run.out());
            int ready = 0;
            for (JsonNode e : environments) {
                ready += "True".equals(StatusText.condition(e, "Ready").path("status").asText()) ? 1 : 0;
            }
            return run.exitCode() == 0 && ready == 4;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Test
    void statusShowsWhatTheDaemonReportsForEveryEnvironmentAndForOne() {
        Eventually.until("status -o json shows the four example environments Ready", Duration.ofSeconds(90), this::allReady);

        CommandRun table = CommandRun.withEnvironment(Map.of("SWITCHMAN_SERVER", server()), "status");
        CommandRun detail = CommandRun.of("status", "--server", server(), "--env", "django-api/production");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("ENVIRONMENT ")
                .containsPattern("django-api/production +True +Converged +[0-9a-f]{12} +Converged .* ago")
                .containsPattern("ticketing/staging +True +Converged ");
        assertThat(detail.exitCode()).as(detail.err()).isZero();
        assertThat(detail.out()).contains("Environment:      django-api/production").contains("Revision:         sha256:")
                .contains("Last run:         Converged").contains("Quarantine:       none")
                .containsPattern("Ready +True +Converged");
    }
}
