package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Railway does on its own and what the network does to answers, as the sandbox reproduces them: a
 * redeploy from the settings (a restart, a dashboard "Deploy"), a pinned commit, a crash, a mutation that
 * runs but whose answer is lost, one refused without running, and latency on the sandbox's own clock.
 */
class SandboxOwnMovesTest {

    private static final String DEPLOY =
            "mutation ServiceInstanceDeploy($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }";
    private static final String SET_IMAGE = "mutation ServiceInstanceUpdate($s: String!, $e: String!) {"
            + " serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: {source: {image: \"ghcr.io/acme/api:2.0\"}}) }";

    private final SandboxHarness h = new SandboxHarness();

    @Test
    void aRedeployByRailwayRunsWhatTheSettingsNameNowNotWhatRanBefore() {
        h.data(SET_IMAGE, Map.of("s", h.api, "e", h.production));
        assertThat(h.latest(h.production, h.api).meta()).containsEntry("image", "ghcr.io/acme/api:1.0");

        String id = h.sandbox.redeployFromSettings(h.production, h.api);
        h.advance(60);

        assertThat(h.latest(h.production, h.api).id()).isEqualTo(id);
        assertThat(h.latest(h.production, h.api).meta()).containsEntry("image", "ghcr.io/acme/api:2.0");
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");
    }

    @Test
    void aDashboardEditPublishedWithDeployRedeploysTheServiceItTouches() {
        int before = h.sandbox.deployments(h.production, h.api).size();

        h.sandbox.dashboardEdit(h.production, Map.of("services", Map.of(h.api,
                Map.of("variables", Map.of("PORT", Map.of("value", "9090"))))), true);
        h.sandbox.dashboardEdit(h.production, Map.of("services", Map.of(h.api,
                Map.of("deploy", Map.of("healthcheckPath", "/ready")))));

        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(before + 1);
    }

    @Test
    void aPinnedCommitIsWhatARepositoryServiceDeploys() {
        h.sandbox.dashboardEdit(h.production, Map.of("services", Map.of(h.worker,
                Map.of("source", Map.of("commitSha", "0123456789abcdef")))));

        h.sandbox.redeployFromSettings(h.production, h.worker);

        assertThat(h.latest(h.production, h.worker).meta()).containsEntry("commitHash", "0123456789abcdef");
    }

    @Test
    void aLostAnswerHidesAMutationThatRanAndARefusedOneDidNotRun() {
        int before = h.sandbox.deployments(h.production, h.api).size();
        h.sandbox.faults().loseResponses("ServiceInstanceDeploy", 1);

        RailwaySandbox.Response lost = h.call(DEPLOY, Map.of("s", h.api, "e", h.production));

        assertThat(lost.status()).isEqualTo(504);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(before + 1);

        h.sandbox.faults().refuse("ServiceInstanceDeploy", 1);
        RailwaySandbox.Response refused = h.call(DEPLOY, Map.of("s", h.api, "e", h.production));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(before + 1);
        assertThat(h.call(DEPLOY, Map.of("s", h.api, "e", h.production)).status()).isEqualTo(200);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(before + 2);
    }

    @Test
    void aRunningDeploymentCrashesWhenToldAndLatencyMovesTheSandboxClock() {
        String running = h.latest(h.production, h.api).id();
        h.sandbox.crash(running);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("CRASHED");

        h.sandbox.faults().virtualLatency(1500);
        var before = h.sandbox.clock().now();
        h.call("query { me { id } }", Map.of());
        assertThat(h.sandbox.clock().now()).isEqualTo(before.plusMillis(1500));
    }
}
