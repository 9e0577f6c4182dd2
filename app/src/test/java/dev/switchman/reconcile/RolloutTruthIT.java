package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.rollout.HttpAppChecks;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.RolloutSettings;
import dev.switchman.rollout.Rollouts;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFaults.DeploymentFault;
import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.RolloutRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rollouts through ordinary sequences: a change elsewhere while one is under way, a rolled-back service that
 * Railway redeploys by itself, a quarantined environment that keeps being watched, the alerts each step sends,
 * and a rollback by hand while the daemon runs.
 */
class RolloutTruthIT extends SandboxReconcileIT {

    private static final String WEB = """
            services:
              web:
                source: {image: "ghcr.io/acme/web:%s"}
                deploy: {healthcheckPath: /health}
                verify:
                  soak: %s
                  interval: 5s
                  failureThreshold: 2
                  timeout: 2s
                  checks:
                    - name: health
                      path: /health
                      expectStatus: [200]
            policy:
              rollback: %s
              drift: %s
            """;

    @BeforeEach
    void follow() {
        h.followRollouts();
    }

    private DesiredEnvironment web(String version, String rollback) {
        return web(version, "20s", rollback, "selfHeal");
    }

    private DesiredEnvironment web(String version, String soak, String rollback, String drift) {
        return h.desire(WEB.formatted(version, soak, rollback, drift));
    }

    private String goodBaseline(String rollback) {
        assertThat(h.drive(web("1.0", rollback), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        return h.rolloutStore.lastGood("shop", "production", "web", null).orElseThrow();
    }

    private String domain() {
        return h.sandbox.domain(h.environmentId, h.serviceId("web"));
    }

    private Object servedImage() {
        return h.sandbox.app(domain(), "/health").body().get("image");
    }

    private List<String> eventReasons() {
        return h.events.recent("shop", "production", 200).stream().map(EnvironmentEvent::reason).toList();
    }

    private RolloutRow lastRollout() {
        return h.rolloutStore.recent("shop", "production", 1).get(0);
    }

    private <T extends RolloutEvent> List<T> heard(Class<T> kind) {
        return h.heard.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private EnvironmentCondition condition(String type) {
        return h.statuses.find("shop", "production").orElseThrow().condition(type).orElseThrow();
    }

    @Test
    void aChangeElsewhereDoesNotPreemptADegradingRolloutWhichIsRolledBackAndQuarantined() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.reconcile(two)).isInstanceOf(ReconcileOutcome.Progressing.class);
        h.sandbox.advance(Duration.ofSeconds(10));

        DesiredEnvironment unchanged = h.desireElsewhere(1);
        ReconcileOutcome outcome = h.drive(unchanged, 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(((ReconcileOutcome.Stalled) outcome).reason()).isEqualTo("RevisionQuarantined");
        assertThat(lastRollout().state()).isEqualTo("RolledBack");
        assertThat(eventReasons()).doesNotContain("RolloutSuperseded");
        assertThat(h.sandbox.app(domain(), "/health").status()).isEqualTo(200);
        assertThat(condition(EnvironmentCondition.READY).status()).isEqualTo("False");
        assertThat(condition(EnvironmentCondition.STALLED).reason()).isEqualTo("RevisionQuarantined");
    }

    @Test
    void aNewerRevisionThatChangesNothingRailwayRunsTakesTheRolloutOverInsteadOfPreemptingIt() {
        goodBaseline("automatic");
        DesiredEnvironment two = web("2.0", "20s", "automatic", "selfHeal");
        String first = h.revision();
        h.reconcile(two);
        h.sandbox.advance(Duration.ofSeconds(10));

        DesiredEnvironment longerSoak = web("2.0", "30s", "automatic", "selfHeal");
        ReconcileOutcome outcome = h.drive(longerSoak, 60);

        assertThat(h.revision()).isNotEqualTo(first);
        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(lastRollout().state()).isEqualTo("Succeeded");
        assertThat(lastRollout().revision()).isEqualTo(h.revision());
        assertThat(eventReasons()).contains("RolloutContinues").doesNotContain("RolloutSuperseded");
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:2.0");
    }

    @Test
    void aRolledBackServiceIsHeldOnItsGoodImageSoARedeployByRailwayRunsTheGoodVersionUntilANewerRevision() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        assertThat(h.drive(web("2.0", "automatic"), 60)).isInstanceOf(ReconcileOutcome.Stalled.class);

        assertThat(h.observe().services().get("web").settings()).containsEntry("source.image", "ghcr.io/acme/web:1.0");
        assertThat(h.holds.held("shop", "production")).singleElement()
                .satisfies(hold -> assertThat(hold.image()).isEqualTo("ghcr.io/acme/web:1.0"));
        h.sandbox.redeployFromSettings(h.environmentId, h.serviceId("web"));
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:1.0");
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(web("2.0", "automatic"))).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(eventReasons()).doesNotContain("DeploymentDriftDetected");

        ReconcileOutcome newer = h.drive(web("3.0", "automatic"), 60);

        assertThat(newer).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:3.0");
        assertThat(h.holds.held("shop", "production")).isEmpty();
        assertThat(eventReasons()).contains("ServiceHeld", "HoldReleased", "QuarantineLifted");
    }

    @Test
    void aRetryReleasesTheHoldAndRollsTheQuarantinedRevisionOutAgain() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 60)).isInstanceOf(ReconcileOutcome.Stalled.class);

        h.rollouts.retry(two, h.environmentId, "by switchman retry");
        ReconcileOutcome outcome = h.drive(two, 60);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:2.0");
        assertThat(h.holds.held("shop", "production")).isEmpty();
        List<RolloutEvent.Quarantined> quarantined = heard(RolloutEvent.Quarantined.class);
        assertThat(quarantined).hasSize(1);
    }

    @Test
    void aQuarantinedEnvironmentIsStillReadItsDriftReportedOrRevertedAndItsRolledBackDeploymentWatched() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 60)).isInstanceOf(ReconcileOutcome.Stalled.class);
        h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("web"),
                Map.of("deploy", Map.of("healthcheckPath", "/hacked")))));

        ReconcileOutcome outcome = h.reconcile(two);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(h.observe().services().get("web").settings()).containsEntry("deploy.healthcheckPath", "/health");
        assertThat(eventReasons()).contains("DriftDetected");
        assertThat(h.statuses.find("shop", "production").orElseThrow().drift())
                .containsExactly("service.web.deploy.healthcheckPath");
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:1.0");

        String rolledBack = (String) h.sandbox.app(domain(), "/health").body().get("deploymentId");
        h.sandbox.crash(rolledBack);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.reconcile(two);

        assertThat(heard(RolloutEvent.ServiceDegraded.class)).anySatisfy(degraded -> {
            assertThat(degraded.check()).isNull();
            assertThat(degraded.incident()).isEqualTo("deployment-" + rolledBack);
            assertThat(RolloutNotifications.of(degraded)).isPresent();
        });
    }

    @Test
    void aCrashAfterTheSoakWithManualRollbackIsAlertedAndRecordedAsNotRolledBack() {
        goodBaseline("manual");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.CRASH, 300);
        assertThat(h.drive(web("2.0", "manual"), 60)).isInstanceOf(ReconcileOutcome.Converged.class);

        h.sandbox.advance(Duration.ofMinutes(10));
        h.reconcile(web("2.0", "manual"));

        assertThat(heard(RolloutEvent.ServiceDegraded.class)).singleElement()
                .satisfies(degraded -> assertThat(RolloutNotifications.of(degraded)).isPresent());
        assertThat(eventReasons()).contains("ServiceDegraded", "RollbackNotDone").doesNotContain("RollbackRequested");
    }

    @Test
    void degradedIsToldOnlyAtTheFailureThresholdAndAVerifiedRollbackClosesIt() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);

        h.drive(web("2.0", "automatic"), 60);

        RolloutEvent.ServiceDegraded degraded = heard(RolloutEvent.ServiceDegraded.class).get(0);
        RolloutEvent.RolloutFailed failed = heard(RolloutEvent.RolloutFailed.class).get(0);
        assertThat(heard(RolloutEvent.ServiceDegraded.class)).hasSize(1);
        assertThat(degraded.at()).isEqualTo(failed.at());
        assertThat(degraded.incident()).isEqualTo(failed.incident());
        int degradedAt = h.heard.indexOf(degraded);
        int rolledBackAt = h.heard.indexOf(heard(RolloutEvent.RolledBack.class).get(0));
        assertThat(h.heard.subList(rolledBackAt, h.heard.size()))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RolloutEvent.ServiceRecovered.class));
        assertThat(rolledBackAt).isGreaterThan(degradedAt);
    }

    @Test
    void theRollbackDelayIsMeasuredUntilRailwayHasTheRollback() {
        goodBaseline("automatic");
        h.sandbox.faults().nextDeployment(h.serviceId("web"), DeploymentFault.DEGRADE, 0);
        h.sandbox.faults().virtualLatency(250);

        h.drive(web("2.0", "automatic"), 60);

        var delay = h.registry.find("switchman_rollback_delay_seconds").timer();
        assertThat(delay.count()).isEqualTo(1);
        assertThat(delay.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(250);
    }

    @Test
    void aRollbackByHandWhileTheDaemonRunsIsNeverJudgedByTheDaemon() {
        String good = goodBaseline("automatic");
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.drive(two, 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        List<RolloutEvent> cliHeard = new ArrayList<>();
        Rollouts cli = new Rollouts(h.railway, new HttpAppChecks(), h.rolloutStore, h.holds, h.events, h.registry,
                cliHeard::add, RolloutSettings.DEFAULT.withDomainBaseUrl(h.server.url() + "/apps/"),
                () -> h.sandbox.clock().now());
        List<ReconcileOutcome> daemon = new ArrayList<>();
        int deploymentsBefore = h.sandbox.deployments(h.environmentId, h.serviceId("web")).size();

        RolloutRow row = cli.rollback(two, h.environmentId, h.revision(), null, "web", null, "switchman rollback",
                () -> {
                    daemon.add(h.reconcile(two));
                    h.sandbox.advance(Duration.ofSeconds(5));
                });

        assertThat(row.state()).isEqualTo("RolledBack");
        assertThat(daemon).isNotEmpty().allSatisfy(outcome -> assertThat(outcome)
                .isEqualTo(new ReconcileOutcome.Progressing(h.revision(), RolloutSettings.DEFAULT.pollInterval(),
                        "ManualRollbackInProgress")));
        ReconcileOutcome after = h.reconcile(two);
        assertThat(after).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(((ReconcileOutcome.Stalled) after).reason()).isEqualTo("RevisionQuarantined");
        assertThat(h.sandbox.deployments(h.environmentId, h.serviceId("web"))).hasSize(deploymentsBefore + 1);
        assertThat(h.heard).noneMatch(e -> e instanceof RolloutEvent.RolloutFailed
                || e instanceof RolloutEvent.Quarantined || e instanceof RolloutEvent.RolledBack);
        assertThat(cliHeard).filteredOn(RolloutEvent.Quarantined.class::isInstance).hasSize(1);
        assertThat(servedImage()).isEqualTo("ghcr.io/acme/web:1.0");
        assertThat(good).isNotNull();
    }

    @Test
    void aRollbackByHandDuringTheDaemonsRolloutSupersedesItQuietly() {
        goodBaseline("automatic");
        DesiredEnvironment two = web("2.0", "automatic");
        assertThat(h.reconcile(two)).isInstanceOf(ReconcileOutcome.Progressing.class);
        h.sandbox.advance(Duration.ofSeconds(40));
        assertThat(h.reconcile(two)).isInstanceOf(ReconcileOutcome.Progressing.class);
        Rollouts cli = new Rollouts(h.railway, new HttpAppChecks(), h.rolloutStore, h.holds, h.events, h.registry,
                event -> { }, RolloutSettings.DEFAULT.withDomainBaseUrl(h.server.url() + "/apps/"),
                () -> h.sandbox.clock().now());

        cli.rollback(two, h.environmentId, h.revision(), null, "web", null, "switchman rollback",
                () -> {
                    h.reconcile(two);
                    h.sandbox.advance(Duration.ofSeconds(5));
                });

        assertThat(h.rolloutStore.recent("shop", "production", 2)).extracting(RolloutRow::state)
                .containsExactly("RolledBack", "Superseded");
        assertThat(h.heard).noneMatch(e -> e instanceof RolloutEvent.RolloutFailed);
        assertThat(h.sandbox.deployments(h.environmentId, h.serviceId("web")).stream()
                .map(RailwaySandbox.DeploymentInfo::status).filter("SUCCESS"::equals)).hasSize(1);
    }
}
