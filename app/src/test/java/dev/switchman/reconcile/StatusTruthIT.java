package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.DiagnosticScope;
import dev.switchman.observed.ObservedDeployment;
import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EnvironmentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the status says is what Railway runs, through ordinary sequences: a change elsewhere in the tree, a hand
 * edit, configuration written without a deployment, a restart in between, an invalid file. The sandbox over
 * HTTP, the real client and a real PostgreSQL store; assertions on final state, status and history.
 */
class StatusTruthIT extends SandboxReconcileIT {

    private static final String API = """
            services:
              api:
                source: {image: "%s"}
                deploy: {healthcheckPath: /health}
                variables:
                  PORT: "8080"
            policy:
              drift: %s
            """;

    private DesiredEnvironment api(String image, String drift) {
        return h.desire(API.formatted(image, drift));
    }

    private DesiredEnvironment convergedThenEditedByHand(String drift) {
        DesiredEnvironment desired = api("ghcr.io/acme/api:1.0", drift);
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(desired)).isInstanceOf(ReconcileOutcome.Converged.class);
        h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"),
                Map.of("deploy", Map.of("healthcheckPath", "/hacked")))));
        return desired;
    }

    private EnvironmentStatus status() {
        return h.statuses.find("shop", "production").orElseThrow();
    }

    private EnvironmentCondition ready() {
        return status().condition(EnvironmentCondition.READY).orElseThrow();
    }

    private String configuredHealthcheckPath() {
        return (String) h.observe().services().get("api").settings().get("deploy.healthcheckPath");
    }

    @Test
    void aChangeElsewhereInTheTreeIsNoNewRevisionAndAHandEditIsStillOnlyReported() {
        DesiredEnvironment before = convergedThenEditedByHand("reportOnly");
        String fingerprint = h.revision();
        String provenance = h.provenance();

        DesiredEnvironment after = h.desireElsewhere(1);
        ReconcileOutcome outcome = h.reconcile(after);

        assertThat(h.provenance()).isNotEqualTo(provenance);
        assertThat(h.revision()).isEqualTo(fingerprint);
        assertThat(after).isEqualTo(before);
        assertThat(outcome).isEqualTo(new ReconcileOutcome.Converged(fingerprint, 0, 1));
        assertThat(configuredHealthcheckPath()).isEqualTo("/hacked");
        assertThat(ready().status()).isEqualTo("False");
        assertThat(ready().reason()).isEqualTo("DriftDetected");
        assertThat(status().drift()).containsExactly("service.api.deploy.healthcheckPath");
        assertThat(status().lastAppliedRevision()).isEqualTo(fingerprint);
        assertThat(status().provenance()).isEqualTo(h.provenance());
        assertThat(h.counter("switchman.drift.detected", "environment", "shop/production")).isEqualTo(1);

        h.desireElsewhere(2);
        assertThat(h.reconcile(after)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(configuredHealthcheckPath()).isEqualTo("/hacked");
        assertThat(h.counter("switchman.drift.detected", "environment", "shop/production")).isEqualTo(2);
    }

    @Test
    void aNewRevisionOfTheEnvironmentIsAppliedWhileAHandEditBesideItIsLeftAndReported() {
        convergedThenEditedByHand("reportOnly");

        DesiredEnvironment newer = api("ghcr.io/acme/api:1.1", "reportOnly");
        ReconcileOutcome outcome = h.drive(newer, 10);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.observe().services().get("api").settings()).containsEntry("source.image", "ghcr.io/acme/api:1.1");
        assertThat(configuredHealthcheckPath()).isEqualTo("/hacked");
        assertThat(status().drift()).containsExactly("service.api.deploy.healthcheckPath");
        assertThat(ready().reason()).isEqualTo("DriftDetected");
        assertThat(status().lastAppliedRevision()).isEqualTo(h.revision());
    }

    @Test
    void selfHealAfterAChangeElsewhereRevertsAHandEditAndSaysSo() {
        convergedThenEditedByHand("selfHeal");

        DesiredEnvironment after = h.desireElsewhere(1);
        h.reconcile(after);

        assertThat(configuredHealthcheckPath()).isEqualTo("/health");
        assertThat(h.counter("switchman.drift.detected", "environment", "shop/production")).isEqualTo(1);
        assertThat(h.counter("switchman.drift.corrected", "environment", "shop/production")).isEqualTo(1);
        assertThat(h.events.recent("shop", "production", 20)).extracting(EnvironmentEvent::reason)
                .contains("DriftDetected");
    }

    @Test
    void configurationWrittenWithoutADeploymentIsNotReadyAndIsDeployedOnTheNextRunEvenAfterARestart() {
        DesiredEnvironment six = api("redis:6", "selfHeal");
        h.reconcile(six);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(six)).isInstanceOf(ReconcileOutcome.Converged.class);

        DesiredEnvironment seven = api("redis:7", "selfHeal");
        h.sandbox.faults().refuse("ServiceInstanceDeploy", 10);
        ReconcileOutcome interrupted = h.reconcile(seven);

        assertThat(interrupted).isInstanceOf(ReconcileOutcome.Retry.class);
        assertThat(h.observe().services().get("api").settings()).containsEntry("source.image", "redis:7");
        assertThat(runningImage()).isEqualTo("redis:6");
        assertThat(ready().status()).isEqualTo("False");

        h.sandbox.faults().refuse("ServiceInstanceDeploy", 0);
        h.restart();
        ReconcileOutcome next = h.reconcile(seven);

        assertThat(next).isInstanceOf(ReconcileOutcome.Progressing.class);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(seven)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(runningImage()).isEqualTo("redis:7");
        assertThat(ready().status()).isEqualTo("True");
        assertThat(status().undeployed()).isEmpty();
    }

    @Test
    void aConfiguredImageNothingDeployedIsReportedAsDeploymentPendingWithReportOnly() {
        DesiredEnvironment six = api("redis:6", "reportOnly");
        h.reconcile(six);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.reconcile(six);
        // someone set the image in the dashboard without deploying, and then the desired state caught up
        h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"),
                Map.of("source", Map.of("image", "redis:7")))));
        DesiredEnvironment seven = api("redis:7", "reportOnly");

        ReconcileOutcome outcome = h.reconcile(seven);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(runningImage()).isEqualTo("redis:6");
        assertThat(ready().status()).isEqualTo("False");
        assertThat(ready().reason()).isEqualTo("DeploymentPending");
        assertThat(status().undeployed()).containsOnlyKeys("api");
        assertThat(status().undeployed().get("api")).contains("redis:7", "redis:6", "reported only");
    }

    @Test
    void anInvalidFileShowsOnTheEnvironmentsItConcernsWhileTheLastValidStateIsEnforced() throws IOException {
        DesiredEnvironment desired = api("ghcr.io/acme/api:1.0", "selfHeal");
        h.desireElsewhere(1);
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        Files.writeString(desiredDir.resolve("production.yaml"), Files.readString(desiredDir.resolve("production.yaml"))
                .replace("healthcheckPath", "healthcheckPth"));
        var diagnostics = DesiredStateLoader.load(desiredDir).diagnostics();
        var declared = List.of(desired, h.environment("blog/production").orElseThrow());
        h.invalid = environment -> DiagnosticScope.errorsConcerning(diagnostics, environment, declared);
        h.restart();

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(ready().status()).isEqualTo("False");
        assertThat(ready().reason()).isEqualTo("DesiredStateInvalid");
        assertThat(status().diagnostics()).singleElement().asString()
                .startsWith("production.yaml:").contains("healthcheckPth", "did you mean \"healthcheckPath\"");
        assertThat(configuredHealthcheckPath()).isEqualTo("/health");
        DesiredEnvironment blog = h.environment("blog/production").orElseThrow();
        assertThat(DiagnosticScope.errorsConcerning(diagnostics, blog, declared)).isEmpty();
    }

    private String runningImage() {
        ObservedDeployment active = h.observe().services().get("api").activeDeployment();
        return active == null ? null : (String) active.meta().get("image");
    }
}
