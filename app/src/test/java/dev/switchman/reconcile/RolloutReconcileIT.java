package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFaults.DeploymentFault;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.RolloutRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health-gated rollouts end to end: the sandbox on its virtual clock, its app endpoints checked over
 * real HTTP, the real client and PostgreSQL store. Assertions are on final state and history.
 */
class RolloutReconcileIT extends SandboxReconcileIT {

    private static final String WEB = """
            services:
              web:
                source: {image: "ghcr.io/acme/web:%s"}
                deploy: {healthcheckPath: /health}
                verify:
                  soak: 20s
                  interval: 5s
                  failureThreshold: 2
                  timeout: 2s
                  checks:
                    - name: health
                      path: /health
                      expectStatus: [200]
            policy:
              rollback: %s
            """;

    @BeforeEach
    void follow() {
        h.followRollouts();
    }

    private DesiredEnvironment web(String version, String rollback) {
        return h.desire(WEB.formatted(version, rollback));
    }

    /** Revision 1.0 rolled out and verified: web's last-known-good deployment. */
    private String goodBaseline(String rollback) {
        ReconcileOutcome outcome = h.drive(web("1.0", rollback), 40);
        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        return h.rolloutStore.lastGood("shop", "production", "web", null).orElseThrow();
    }

    private List<String> statuses() {
        return h.sandbox.deployments(h.environmentId, h.serviceId("web")).stream()
                .map(RailwaySandbox.DeploymentInfo::status).toList();
    }

    private List<String> eventReasons() {
        return h.events.recent("shop", "production", 100).stream().map(EnvironmentEvent::reason).toList();
    }

    private RolloutRow lastRollout() {
        return h.rolloutStore.recent("shop", "production", 1).get(0);
    }

    @Test
    void aFailedRailwayHealthcheckQuarantinesTheRevisionWithoutRollbackOrRetryLoop() {
        String good = goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.FAIL_HEALTHCHECK, 0);

        ReconcileOutcome outcome = h.drive(web("2.0", "automatic"), 40);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(((ReconcileOutcome.Stalled) outcome).reason()).isEqualTo("RevisionQuarantined");
        assertThat(((ReconcileOutcome.Stalled) outcome).message()).contains("deployment FAILED");
        assertThat(h.rolloutStore.quarantined("shop", "production").orElseThrow().revision()).isEqualTo(h.revision());
        assertThat(lastRollout().state()).isEqualTo("Failed");
        assertThat(webOf(lastRollout()).path("rollback").asText()).isEqualTo("notNeeded");
        assertThat(eventReasons()).contains("RevisionQuarantined").doesNotContain("RollbackRequested");
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("deploymentId", good);

        int deployments = statuses().size();
        h.sandbox.advance(Duration.ofMinutes(5));
        assertThat(h.drive(web("2.0", "automatic"), 5)).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(statuses()).hasSize(deployments);
    }

    @Test
    void aRolloutThatDegradesIsRolledBackToTheLastGoodDeploymentVerifiedAndQuarantined() {
        String good = goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        int requestsBefore = h.transport.total();
        Map<String, Integer> countsBefore = h.transport.counts();
        Instant started = h.sandbox.clock().now();

        ReconcileOutcome outcome = h.drive(web("2.0", "automatic"), 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        RolloutRow rollout = lastRollout();
        assertThat(rollout.state()).isEqualTo("RolledBack");
        assertThat(rollout.verdict()).isEqualTo("Failed");
        assertThat(rollout.reason()).contains("check health failed 2 time(s) in a row: HTTP 503");
        JsonNode web = webOf(rollout);
        assertThat(web.path("rollbackTarget").asText()).isEqualTo(good);
        assertThat(web.path("rollback").asText()).isEqualTo("done");
        assertThat(web.path("rollbackStage").asText()).isEqualTo("VERIFIED");
        assertThat(web.path("rounds").findValuesAsText("passed")).containsExactly("false", "false");
        assertThat(web.path("rounds").findValuesAsText("check")).containsExactly("health", "health");
        assertThat(web.path("rounds").get(0).path("reason").asText()).contains("HTTP 503");
        assertThat(web.path("rollbackRounds").findValuesAsText("passed")).isNotEmpty().containsOnly("true");
        String serving = (String) h.sandbox.app(domain(), "/health").body().get("deploymentId");
        assertThat(h.sandbox.app(domain(), "/health").status()).isEqualTo(200);
        assertThat(serving).isNotEqualTo(good);
        assertThat(web.path("rollbackDeploymentId").asText()).isEqualTo(serving);
        assertThat(h.rolloutStore.lastGood("shop", "production", "web", null)).contains(serving);
        assertThat(h.rolloutStore.quarantined("shop", "production").orElseThrow().revision()).isEqualTo(h.revision());
        assertThat(h.heard).filteredOn(RolloutEvent.RolledBack.class::isInstance).hasSize(1);
        assertThat(h.heard).filteredOn(RolloutEvent.Quarantined.class::isInstance).hasSize(1);
        assertThat(h.counter("switchman_rollbacks_total", "how", "rollback")).isEqualTo(1);
        report("degrade-and-rollback", started, requestsBefore, countsBefore);
        assertThat(h.transport.total() - requestsBefore).isLessThanOrEqualTo(20);
    }

    @Test
    void pastRailwaysRetentionTheLastGoodSourceIsRedeployedInstead() {
        goodBaseline("automatic");
        h.sandbox.advance(Duration.ofHours(73));
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);

        ReconcileOutcome outcome = h.drive(web("2.0", "automatic"), 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(webOf(lastRollout()).path("redeployedSource").asBoolean()).isTrue();
        assertThat(webOf(lastRollout()).path("rollback").asText()).isEqualTo("done");
        assertThat(h.events.recent("shop", "production", 50)).filteredOn(e -> e.reason().equals("RollbackRequested"))
                .singleElement().extracting(EnvironmentEvent::message).asString().contains("past Railway's retention");
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:1.0");
    }

    @Test
    void withManualRollbackAFailedRolloutIsOnlyRecorded() {
        goodBaseline("manual");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);

        ReconcileOutcome outcome = h.drive(web("2.0", "manual"), 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(webOf(lastRollout()).path("rollback").asText()).isEqualTo("skipped");
        assertThat(eventReasons()).contains("RollbackNotDone", "RevisionQuarantined").doesNotContain("RollbackRequested");
        assertThat(h.sandbox.app(domain(), "/health").status()).isEqualTo(503);
    }

    @Test
    void aNewerRevisionPreemptsARolloutStillVerifying() {
        goodBaseline("automatic");
        ReconcileOutcome first = h.reconcile(web("2.0", "automatic"));
        assertThat(first).isInstanceOf(ReconcileOutcome.Progressing.class);
        h.sandbox.advance(Duration.ofSeconds(10));
        assertThat(h.reconcile(web("2.0", "automatic"))).isInstanceOf(ReconcileOutcome.Progressing.class);

        ReconcileOutcome outcome = h.drive(web("3.0", "automatic"), 40);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.rolloutStore.recent("shop", "production", 3)).extracting(RolloutRow::state)
                .containsExactly("Succeeded", "Superseded", "Succeeded");
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:3.0");
        assertThat(h.rolloutStore.quarantined("shop", "production")).isEmpty();
    }

    @Test
    void retryLiftsTheQuarantineAndANewerRevisionLiftsItByItself() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.FAIL_HEALTHCHECK, 0);
        DesiredEnvironment bad = web("2.0", "automatic");
        assertThat(h.drive(bad, 40)).isInstanceOf(ReconcileOutcome.Stalled.class);

        assertThat(h.rollouts.retry(bad, h.environmentId, "by hand (test)")).isPresent();

        assertThat(h.drive(bad, 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.rolloutStore.quarantined("shop", "production")).isEmpty();
        assertThat(lastRollout().state()).isEqualTo("Succeeded");
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:2.0");

        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.FAIL_HEALTHCHECK, 0);
        assertThat(h.drive(web("2.1", "automatic"), 40)).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(h.drive(web("2.2", "automatic"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(eventReasons()).contains("QuarantineLifted");
        assertThat(h.rolloutStore.quarantined("shop", "production")).isEmpty();
    }

    @Test
    void aManualRollbackGoesBackToTheLastGoodDeploymentVerifiesItAndQuarantinesTheRevision() {
        String good = goodBaseline("automatic");
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 40)).isInstanceOf(ReconcileOutcome.Converged.class);

        RolloutRow row = h.rollouts.rollback(two, h.environmentId, h.revision(), null, "web", null, "test",
                () -> h.sandbox.advance(Duration.ofSeconds(5)));

        assertThat(row.state()).isEqualTo("RolledBack");
        assertThat(webOf(row).path("rollbackTarget").asText()).isEqualTo(good);
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:1.0")
                .containsEntry("deploymentId", webOf(row).path("rollbackDeploymentId").asText());
        assertThat(h.reconcile(two)).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(eventReasons()).contains("RollbackRequested", "RolledBack", "RevisionQuarantined");
    }

    @Test
    void aCrashAfterTheSoakIsRolledBackWhenThePolicyIsAutomatic() {
        String first = goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.CRASH, 120);
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        h.sandbox.advance(Duration.ofMinutes(3));

        ReconcileOutcome outcome = h.drive(two, 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(lastRollout().state()).isEqualTo("RolledBack");
        assertThat(lastRollout().reason()).contains("CRASHED after it was verified");
        assertThat(webOf(lastRollout()).path("rollbackTarget").asText()).isEqualTo(first);
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:1.0");
        assertThat(eventReasons()).contains("ServiceDegraded", "RolledBack", "RevisionQuarantined");
    }

    @Test
    void aCrashAfterTheSoakIsOnlyReportedOnceWhenThePolicyIsManual() {
        goodBaseline("manual");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.CRASH, 120);
        DesiredEnvironment two = web("2.0", "manual");
        assertThat(h.drive(two, 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        h.sandbox.advance(Duration.ofMinutes(3));

        h.drive(two, 5);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.drive(two, 5);

        assertThat(eventReasons()).filteredOn("ServiceDegraded"::equals).hasSize(1);
        assertThat(eventReasons()).doesNotContain("RollbackRequested", "RevisionQuarantined");
        assertThat(statuses().get(0)).isEqualTo("CRASHED");
        assertThat(h.heard).filteredOn(RolloutEvent.ServiceDegraded.class::isInstance).hasSize(1);
    }

    @Test
    void aDeploymentSwitchmanDidNotMakeIsReportedAndRedeployedWithSelfHeal() {
        String first = goodBaseline("automatic");
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        // someone rolls back by hand in the dashboard: the service runs 1.0 while its settings say 2.0
        h.railway.rollback(h.railway.deployment(first));
        h.sandbox.advance(Duration.ofMinutes(1));
        String byHand = h.observe().services().get("web").latestDeployment().id();

        ReconcileOutcome outcome = h.drive(two, 40);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(eventReasons()).contains("DeploymentDriftDetected", "RolloutSucceeded");
        assertThat(h.heard).filteredOn(RolloutEvent.DeploymentDriftDetected.class::isInstance).singleElement()
                .extracting(e -> ((RolloutEvent.DeploymentDriftDetected) e).deploymentId()).isEqualTo(byHand);
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:2.0");
    }

    @Test
    void aRedeployOfWhatTheSettingsNameIsWatchedNotTreatedAsDrift() {
        goodBaseline("automatic");
        DesiredEnvironment one = web("1.0", "automatic");
        String byHand = h.railway.deploy(h.serviceId("web"), h.environmentId, null);
        h.sandbox.advance(Duration.ofMinutes(1));

        ReconcileOutcome outcome = h.drive(one, 40);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(eventReasons()).doesNotContain("DeploymentDriftDetected");
        assertThat(h.sandbox.app(domain(), "/health").body().get("deploymentId")).isEqualTo(byHand);
    }

    @Test
    void aMultiServiceRolloutThatFailsPartWayRollsBackWhatItChanged() {
        String twoServices = """
                services:
                  api:
                    source: {image: "ghcr.io/acme/api:%1$s"}
                    verify: {soak: 10s, interval: 5s, failureThreshold: 2, checks: [{name: health, path: /health}]}
                  web:
                    source: {image: "ghcr.io/acme/web:%1$s"}
                    dependsOn: [api]
                    verify: {soak: 10s, interval: 5s, failureThreshold: 2, checks: [{name: health, path: /health}]}
                """;
        assertThat(h.drive(h.desire(twoServices.formatted("1.0")), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        String goodApi = h.rolloutStore.lastGood("shop", "production", "api", null).orElseThrow();
        String goodWeb = h.rolloutStore.lastGood("shop", "production", "web", null).orElseThrow();
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);

        ReconcileOutcome outcome = h.drive(h.desire(twoServices.formatted("2.0")), 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        JsonNode services = ReconcilerJson.read(lastRollout().servicesJson());
        assertThat(services.findValuesAsText("service")).containsExactly("api", "web");
        assertThat(services.findValuesAsText("rollbackTarget")).containsExactly(goodApi, goodWeb);
        assertThat(services.findValuesAsText("rollback")).containsExactly("done", "done");
        assertThat(h.sandbox.app(h.sandbox.domain(h.environmentId, h.serviceId("api")), "/health").body())
                .containsEntry("image", "ghcr.io/acme/api:1.0");
        assertThat(h.sandbox.app(domain(), "/health").body()).containsEntry("image", "ghcr.io/acme/web:1.0");
        assertThat(h.counter("switchman_rollouts_total", "result", "RolledBack")).isEqualTo(1);
        assertThat(h.counter("switchman_rollouts_total", "result", "Succeeded")).isEqualTo(1);
    }

    private static JsonNode webOf(RolloutRow rollout) {
        return ReconcilerJson.read(rollout.servicesJson()).get(0);
    }

    private String domain() {
        return h.sandbox.domain(h.environmentId, h.serviceId("web"));
    }

    /** Prints the figures the issue asks for, from the recorded event times (sandbox clock) and the transport count. */
    private void report(String scenario, Instant started, int requestsBefore, Map<String, Integer> countsBefore) {
        List<EnvironmentEvent> events = h.events.recent("shop", "production", 100);
        Instant failed = at(events, "RolloutFailed");
        Instant requested = at(events, "RollbackRequested");
        Instant verified = at(events, "RolledBack");
        System.out.printf("FIGURES %s: deploy-to-verdict %s, verdict-to-rollback-request %s,"
                + " request-to-rolled-back-verified %s, API requests %d%n", scenario, Duration.between(started, failed),
                Duration.between(failed, requested), Duration.between(requested, verified),
                h.transport.total() - requestsBefore);
        h.transport.counts().forEach((operation, count) -> {
            int spent = count - countsBefore.getOrDefault(operation, 0);
            if (spent > 0) {
                System.out.printf("FIGURES   %s: %d%n", operation, spent);
            }
        });
    }

    private static Instant at(List<EnvironmentEvent> events, String reason) {
        return events.stream().filter(e -> e.reason().equals(reason)).map(EnvironmentEvent::time).findFirst().orElseThrow();
    }
}
