package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.apply.WriteRecovery;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVariable;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.ReconcileRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reconciler against the Railway sandbox over HTTP, the real client and a real PostgreSQL. */
class EnvironmentReconcilerIT extends SandboxReconcileIT {

    private static final String TWO_SERVICES = """
            sharedVariables:
              REGION: eu
            services:
              api:
                source: {image: "ghcr.io/acme/api:1.0"}
                deploy: {healthcheckPath: /health, numReplicas: 2}
                variables:
                  PORT: "8080"
                  API_KEY: {secretRef: API_KEY}
                  DB_REGION: ${{shared.REGION}}
              worker:
                source: {image: "ghcr.io/acme/worker:1.0"}
                deploy: {startCommand: "bin/worker"}
                variables:
                  QUEUE: jobs
                dependsOn: [api]
            policy:
              drift: %s
            """;

    private DesiredEnvironment twoServices(String drift) {
        return h.desire(TWO_SERVICES.formatted(drift));
    }

    private void assertConverged(ObservedEnvironment env) {
        ObservedService api = env.services().get("api");
        assertThat(api.settings()).containsEntry("source.image", "ghcr.io/acme/api:1.0")
                .containsEntry("deploy.healthcheckPath", "/health");
        assertThat(((Number) api.settings().get("deploy.numReplicas")).intValue()).isEqualTo(2);
        assertThat(api.variables()).containsEntry("PORT", ObservedVariable.of("8080"))
                .containsEntry("API_KEY", ObservedVariable.of("s3cret-value"))
                .containsEntry("DB_REGION", ObservedVariable.of("${{shared.REGION}}"));
        assertThat(env.services().get("worker").settings()).containsEntry("deploy.startCommand", "bin/worker");
        assertThat(env.sharedVariables()).containsEntry("REGION", ObservedVariable.of("eu"));
    }

    private List<String> statuses(String service) {
        return h.sandbox.deployments(h.environmentId, h.serviceId(service)).stream()
                .map(RailwaySandbox.DeploymentInfo::status).toList();
    }

    @Test
    void convergesAFreshEnvironmentThenANoOpCycleCostsOneRequest() {
        DesiredEnvironment desired = twoServices("selfHeal");

        ReconcileOutcome first = h.reconcile(desired);

        assertThat(first).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertConverged(h.observe());
        assertThat(statuses("api")).hasSize(1);
        assertThat(statuses("worker")).hasSize(1);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(statuses("api")).containsExactly("SUCCESS");
        assertThat(statuses("worker")).containsExactly("SUCCESS");
        assertThat(h.inventory.list("shop", "production")).extracting(e -> e.name() + "=" + e.railwayId())
                .containsExactlyInAnyOrder("api=" + h.serviceId("api"), "worker=" + h.serviceId("worker"));
        String snapshot = h.lastApplied.find("shop", "production").orElseThrow().snapshotJson();
        assertThat(snapshot).doesNotContain("s3cret-value");
        assertThat(LastAppliedJson.read(ReconcilerJson.read(snapshot)).revision()).isEqualTo(h.revision());

        int before = h.transport.total();
        ReconcileOutcome second = h.reconcile(desired);

        assertThat(second).isEqualTo(new ReconcileOutcome.Converged(h.revision(), 0, 0));
        assertThat(h.transport.total() - before).isEqualTo(1);
        assertThat(statuses("api")).containsExactly("SUCCESS");
        EnvironmentStatus status = h.statuses.find("shop", "production").orElseThrow();
        assertThat(status.condition(EnvironmentCondition.READY).orElseThrow().isTrue()).isTrue();
        assertThat(status.condition(EnvironmentCondition.STALLED).orElseThrow().isTrue()).isFalse();
        assertThat(status.lastAppliedRevision()).isEqualTo(h.revision());
        assertThat(h.runs.recent("shop", "production", 10)).extracting(ReconcileRun::result)
                .containsExactly("Converged", "Progressing");
        assertThat(h.counter("switchman.reconcile", "result", "Converged")).isEqualTo(1);
    }

    @Test
    void aNoOpCycleOfTwentyServicesCostsOneRequest() {
        String services = IntStream.range(0, 20).mapToObj(i -> """
                  svc%02d:
                    source: {image: "ghcr.io/acme/svc:%d"}
                    variables: {INDEX: "%d"}
                """.formatted(i, i, i)).collect(Collectors.joining());
        DesiredEnvironment desired = h.desire("services:\n" + services);
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        int before = h.transport.total();

        assertThat(h.reconcile(desired)).isInstanceOf(ReconcileOutcome.Converged.class);

        assertThat(h.transport.total() - before).isEqualTo(1);
        assertThat(h.observe().services()).hasSize(20);
    }

    /** Converges, lets the deployments finish, then edits the api service "in the dashboard". */
    private DesiredEnvironment convergedThenEdited(String drift, Map<String, Object> apiEdit) {
        DesiredEnvironment desired = twoServices(drift);
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"), apiEdit)));
        return desired;
    }

    @Test
    void selfHealRevertsADashboardEdit() {
        DesiredEnvironment desired = convergedThenEdited("selfHeal", Map.of("deploy", Map.of("healthcheckPath", "/hacked"),
                "variables", Map.of("PORT", Map.of("value", "9999"))));

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertConverged(h.observe());
        assertThat(h.counter("switchman.drift.detected", "environment", "shop/production")).isEqualTo(2);
        assertThat(h.counter("switchman.drift.corrected", "environment", "shop/production")).isEqualTo(2);
        assertThat(h.events.recent("shop", "production", 10)).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("DriftDetected");
            assertThat(e.detailsJson()).contains("service.api.deploy.healthcheckPath", "variable.api.PORT")
                    .doesNotContain("9999");
        });
    }

    @Test
    void reportOnlyReportsADashboardEditWithoutWriting() {
        DesiredEnvironment desired = convergedThenEdited("reportOnly", Map.of("deploy", Map.of("healthcheckPath", "/hacked")));
        int before = h.transport.total();

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isEqualTo(new ReconcileOutcome.Converged(h.revision(), 0, 1));
        assertThat(h.transport.total() - before).isEqualTo(1);
        assertThat(h.observe().services().get("api").settings()).containsEntry("deploy.healthcheckPath", "/hacked");
        EnvironmentStatus status = h.statuses.find("shop", "production").orElseThrow();
        assertThat(status.drift()).containsExactly("service.api.deploy.healthcheckPath");
        assertThat(status.pendingChanges()).isEqualTo(1);
        assertThat(status.condition(EnvironmentCondition.READY).orElseThrow().reason()).isEqualTo("DriftDetected");
        assertThat(h.counter("switchman.drift.detected", "environment", "shop/production")).isEqualTo(1);
        assertThat(h.counter("switchman.drift.corrected", "environment", "shop/production")).isZero();
    }

    @Test
    void aDashboardEditBetweenPlanAndApplyLeadsToAReplan() {
        // every plan is checked against a fresh read, as one made on an older read is
        h.writeRecovery = new WriteRecovery(Duration.ofSeconds(1), 3, d -> { }, Duration.ZERO);
        DesiredEnvironment desired = twoServices("selfHeal");
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        DesiredEnvironment changed = h.desire(TWO_SERVICES.formatted("selfHeal").replace("bin/worker", "bin/worker --fast"));
        // the first EnvironmentState is the observation; the edit lands before the guard's re-read
        h.transport.beforeNext("EnvironmentState", () -> h.transport.beforeNext("EnvironmentState", () ->
                h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"),
                        Map.of("deploy", Map.of("healthcheckPath", "/hacked")))))));

        ReconcileOutcome outcome = h.reconcile(changed);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.observe().services().get("worker").settings()).containsEntry("deploy.startCommand", "bin/worker --fast");
        assertThat(h.observe().services().get("api").settings()).containsEntry("deploy.healthcheckPath", "/health");
        ReconcileRun run = h.runs.recent("shop", "production", 1).get(0);
        assertThat(ReconcilerJson.read(run.summaryJson()).path("replans").asInt()).isEqualTo(1);
    }

    @Test
    void aRateLimitStormSlowsTheRunButDoesNotFailIt() {
        DesiredEnvironment desired = twoServices("selfHeal");
        h.sandbox.faults().tooManyRequests(12, 3);

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertConverged(h.observe());
        // the twelve refused requests were sent again after their Retry-After, then the run went on
        assertThat(h.transport.total()).isGreaterThan(12);
    }

    @Test
    void aMissingSecretStallsWithoutWriting() {
        h.secrets = Map.of();
        DesiredEnvironment desired = twoServices("selfHeal");

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(((ReconcileOutcome.Stalled) outcome).reason()).isEqualTo("SecretMissing");
        assertThat(h.transport.total()).isEqualTo(h.transport.count("EnvironmentState") + h.transport.count("ProjectTopology"));
        assertThat(h.observe().services()).isEmpty();
        EnvironmentStatus status = h.statuses.find("shop", "production").orElseThrow();
        assertThat(status.condition(EnvironmentCondition.STALLED).orElseThrow()).satisfies(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.reason()).isEqualTo("SecretMissing");
            assertThat(c.message()).contains("API_KEY").doesNotContain("s3cret");
        });
    }

    @Test
    void anEmptyDesiredEnvironmentDeletesNothing() {
        h.reconcile(h.desire(TWO_SERVICES.formatted("selfHeal") + "  prune: true\n"));
        h.sandbox.advance(Duration.ofMinutes(2));
        DesiredEnvironment empty = h.desire("policy:\n  prune: true\n");
        int deletes = h.transport.count("ServiceDelete");
        int patches = h.transport.count("EnvironmentStageChanges");

        ReconcileOutcome outcome = h.reconcile(empty);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.observe().services()).containsKeys("api", "worker");
        assertThat(h.observe().sharedVariables()).containsKey("REGION");
        assertThat(h.transport.count("ServiceDelete")).isEqualTo(deletes);
        assertThat(h.transport.count("EnvironmentStageChanges")).isEqualTo(patches);
    }

    @Test
    void aLostServiceCreateAnswerDoesNotCreateTheServiceTwice() {
        DesiredEnvironment desired = twoServices("selfHeal");
        h.transport.loseNextResponse("ServiceCreate");

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.transport.count("ProjectTopology")).isGreaterThanOrEqualTo(2);
        assertThat(h.railway.projectTopology(h.projectId).services()).extracting(s -> s.name())
                .containsExactlyInAnyOrder("api", "worker");
        assertConverged(h.observe());
        assertThat(h.inventory.find("shop", "production", "service", "api").orElseThrow().railwayId())
                .isEqualTo(h.serviceId("api"));
    }

    @Test
    void aPrunedVariableIsDeletedThroughAStagedPatchButNeverWithSomeoneElsesStagedEdits() {
        h.reconcile(h.desire(TWO_SERVICES.formatted("selfHeal") + "  prune: true\n"));
        h.sandbox.advance(Duration.ofMinutes(2));
        DesiredEnvironment withoutQueue = h.desire(TWO_SERVICES.formatted("selfHeal").replace("""
                    variables:
                      QUEUE: jobs
                """, "") + "  prune: true\n");
        h.railway.stageChanges(h.environmentId, ReconcilerJson.read("{\"sharedVariables\": {\"THEIRS\": {\"value\": \"x\"}}}"),
                true);

        ReconcileOutcome blocked = h.reconcile(withoutQueue);

        assertThat(blocked).isInstanceOf(ReconcileOutcome.Retry.class);
        assertThat(((ReconcileOutcome.Retry) blocked).reason()).isEqualTo("StagedChangesPending");
        assertThat(h.observe().services().get("worker").variables()).containsKey("QUEUE");
        assertThat(h.observe().sharedVariables()).doesNotContainKey("THEIRS");

        h.railway.commitStagedChanges(h.environmentId, "theirs", true);
        ReconcileOutcome applied = h.reconcile(withoutQueue);

        assertThat(applied).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.observe().services().get("worker").variables()).doesNotContainKey("QUEUE");
        assertThat(statuses("worker")).hasSize(2);
    }
}
