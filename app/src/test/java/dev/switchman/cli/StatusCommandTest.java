package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code switchman status} against a stand-in for the daemon's status API that already answers with
 * fields the API is gaining (a per-environment fingerprint and provenance, held services, new condition
 * reasons): they are shown, not dropped. StatusCommandIT runs it against the real daemon.
 */
class StatusCommandTest {

    private static final String SUMMARY = """
            [{"project":"shop","name":"production","revision":"sha256:aaa","services":1,"conditions":{"Ready":"False"}}]""";
    private static final String DETAIL = """
            {"project":"shop","name":"production","desiredRevision":"sha256:aaa","fingerprint":"sha256:f1f2f3f4f5f6f7f8",
             "provenance":{"kind":"git","commit":"0a1b2c3"},"heldServices":[{"service":"web","deploymentId":"d-1"}],
             "reconciledRevision":"sha256:aaa","lastAppliedRevision":"sha256:aaa",
             "conditions":[{"type":"Ready","status":"False","reason":"DesiredStateInvalid",
               "message":"shop/production.yaml:7:16: unknown key","lastTransitionTime":"2026-01-01T00:00:00Z"},
              {"type":"Progressing","status":"True","reason":"DeploymentPending","message":"web: config not deployed",
               "lastTransitionTime":"2026-01-01T00:00:00Z"}],
             "lastRun":{"id":7,"revision":"sha256:aaa","trigger":"interval","startedAt":"2026-01-01T00:00:00Z",
               "finishedAt":"2026-01-01T00:00:01Z","result":"Stalled","error":"DesiredStateInvalid: see conditions"},
             "drift":["service.web.deploy.numReplicas"],"pendingChanges":1,"suspended":false,"suspendedBy":null,
             "schedule":{"state":"STALLED","nextRunAt":null,"consecutiveFailures":0},
             "lastRollout":{"id":3,"revision":"sha256:aaa","state":"RolledBack","verdict":"Failed","reason":"health 503",
               "services":[{"service":"web","deploymentId":"d-2","status":"SUCCESS","stage":"FAILED",
                 "rollbackDeploymentId":"d-1","rollbackStage":"VERIFIED"}]},
             "quarantine":{"revision":"sha256:aaa","reason":"RolloutFailed","since":"2026-01-01T00:00:00Z"}}""";

    private HttpServer daemon;
    private String url;

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        daemon.createContext("/api/v1/environments", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String body = path.equals("/api/v1/environments") ? SUMMARY
                    : path.equals("/api/v1/environments/shop%2Fproduction") ? DETAIL
                    : "{\"reason\":\"EnvironmentNotFound\",\"message\":\"no such environment\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == SUMMARY || body == DETAIL ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        daemon.start();
        url = "http://127.0.0.1:" + daemon.getAddress().getPort();
    }

    @AfterEach
    void stopDaemon() {
        daemon.stop(0);
    }

    @Test
    void theTableShowsEachEnvironmentsReadinessRevisionRunRolloutAndDrift() {
        CommandRun run = CommandRun.of("status", "--server", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("ENVIRONMENT +READY +REASON +REVISION +LAST RUN +ROLLOUT +NEXT RUN +DRIFT\n")
                .containsPattern("shop/production +False +DesiredStateInvalid +f1f2f3f4f5f6 +Stalled .* \\(interval\\)"
                        + " +#3 RolledBack +when the desired state changes, or on request +1\n");
    }

    @Test
    void oneEnvironmentInFullShowsFieldsTheApiGainedUnderTheirOwnNames() {
        CommandRun run = CommandRun.withEnvironment(Map.of("SWITCHMAN_SERVER", url), "status", "--env", "shop/production");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Environment:      shop/production")
                .contains("Revision:         sha256:f1f2f3f4f5f6f7f8")
                .contains("Provenance:       kind=git, commit=0a1b2c3")
                .contains("Held services:    {service=web, deploymentId=d-1}")
                .contains("Drift:            service.web.deploy.numReplicas")
                .contains("Rollout:          #3 RolledBack of sha256:aaa")
                .contains("  web:            d-2 SUCCESS FAILED; rolled back to d-1 VERIFIED")
                .contains("Quarantine:       sha256:aaa since ")
                .containsPattern("Ready +False +DesiredStateInvalid +.* ago +shop/production.yaml:7:16: unknown key")
                .containsPattern("Progressing +True +DeploymentPending");
    }

    @Test
    void jsonAndYamlAreTheApisOwnShapes() throws IOException {
        JsonNode all = Documents.JSON.readTree(CommandRun.of("status", "--server", url, "-o", "json").out());
        JsonNode one = Documents.JSON.readTree(CommandRun.of("status", "--server", url, "-e", "shop/production", "-o",
                "json").out());
        String yaml = CommandRun.of("status", "--server", url, "-e", "shop/production", "-o", "yaml").out();

        assertThat(all.isArray()).isTrue();
        assertThat(all.get(0)).isEqualTo(one);
        assertThat(one.path("heldServices").get(0).path("service").asText()).isEqualTo("web");
        assertThat(one.path("conditions").get(0).path("reason").asText()).isEqualTo("DesiredStateInvalid");
        assertThat(yaml).contains("fingerprint: sha256:f1f2f3f4f5f6f7f8").contains("- type: Ready");
    }

    @Test
    void watchingCountsAChangeOfStateNotTheNextRunOfTheSameState() throws IOException {
        JsonNode before = Documents.JSON.readTree(DETAIL);
        JsonNode nextRun = Documents.JSON.readTree(DETAIL.replace("\"id\":7", "\"id\":8")
                .replace("\"finishedAt\":\"2026-01-01T00:00:01Z\"", "\"finishedAt\":\"2026-01-01T00:01:01Z\"")
                .replace("\"state\":\"STALLED\"", "\"state\":\"WAITING\""));
        JsonNode recovered = Documents.JSON.readTree(DETAIL.replace("\"status\":\"False\",\"reason\":\"DesiredStateInvalid\"",
                "\"status\":\"True\",\"reason\":\"Converged\""));

        assertThat(nextRun).isNotEqualTo(before);
        assertThat(StatusCommand.significant(nextRun)).isEqualTo(StatusCommand.significant(before));
        assertThat(StatusCommand.significant(recovered)).isNotEqualTo(StatusCommand.significant(before));
    }

    @Test
    void anUnknownEnvironmentGetsADidYouMeanFromTheDaemonsList() {
        CommandRun run = CommandRun.of("status", "--server", url, "--env", "shop/prodution");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("environment 'shop/prodution' is not declared; did you mean 'shop/production'?");
    }

    @Test
    void aDaemonThatCannotBeReachedIsNamedWithTheSettingThatPointsAtIt() {
        daemon.stop(0);

        CommandRun run = CommandRun.withEnvironment(Map.of("SWITCHMAN_SERVER", url), "status");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("cannot reach the Switchman daemon at " + url
                + " (set --server or SWITCHMAN_SERVER): connection refused");
    }
}
