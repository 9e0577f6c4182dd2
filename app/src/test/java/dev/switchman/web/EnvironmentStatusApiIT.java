package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.switchman.desired.DesiredState;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Hold;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status API shows what the store holds; its mutating endpoints need the right bearer token. */
@QuarkusTest
@TestProfile(ApiTokenProfile.class)
class EnvironmentStatusApiIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Inject
    DesiredStateHolder holder;

    @Inject
    EnvironmentStatusRepository statuses;

    @Inject
    RunRepository runs;

    @Inject
    EventRepository events;

    @Inject
    EnvironmentControlRepository controls;

    @Inject
    HoldRepository holds;

    @Inject
    RolloutRepository rollouts;

    private String revision;
    private String provenance;

    @BeforeEach
    void declareShop() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        DesiredState state = holder.poll().inForce();
        provenance = state.revision();
        revision = state.fingerprint(state.environment("shop/production").orElseThrow());
        holds.release("shop", "production", "web");
        rollouts.lift("shop", "production");
        controls.resume("shop", "production");
    }

    @Test
    void detailAndListShowTheStoredConditionsRunDriftAndPendingChanges() {
        long run = runs.start("shop", "production", revision, "interval", T0);
        runs.finish(run, T0.plusSeconds(3), "Converged", "{\"changesApplied\": 0, \"driftDetected\": 1}", null);
        statuses.save(new EnvironmentStatus("shop", "production", List.of(
                new EnvironmentCondition("Ready", "False", "DriftReported", "1 field differs; policy is report-only", T0),
                new EnvironmentCondition("Reconciling", "False", "Idle", "", T0),
                new EnvironmentCondition("Stalled", "False", "Idle", "", T0)),
                revision, revision, run, "Converged", List.of("service.web.deploy.healthcheckPath"), 1, false,
                T0.plusSeconds(3), provenance, Map.of("worker", "its settings or variables were written but no"
                        + " deployment followed"), List.of("shop/production.yaml:9:7: error: something")));
        holds.hold(new Hold("shop", "production", "web", "sha256:bad", "dep-good", "ghcr.io/acme/web:1.0.0", null,
                "rolled back: check health failed", T0));
        rollouts.quarantine(new Quarantine("shop", "production", "sha256:bad", "web failed its checks", T0, false,
                "abc1234"));

        given().when().get("/api/v1/environments/{name}", "shop/production").then().statusCode(200)
                .body("project", equalTo("shop"))
                .body("name", equalTo("production"))
                .body("desiredRevision", equalTo(revision))
                .body("provenance", equalTo(provenance))
                .body("reconciledRevision", equalTo(revision))
                .body("undeployed.worker", equalTo("its settings or variables were written but no deployment followed"))
                .body("diagnostics", contains("shop/production.yaml:9:7: error: something"))
                .body("heldServices[0].service", equalTo("web"))
                .body("heldServices[0].image", equalTo("ghcr.io/acme/web:1.0.0"))
                .body("heldServices[0].deploymentId", equalTo("dep-good"))
                .body("quarantine.revision", equalTo("sha256:bad"))
                .body("quarantine.provenance", equalTo("abc1234"))
                .body("conditions.type", contains("Ready", "Reconciling", "Stalled"))
                .body("conditions[0].reason", equalTo("DriftReported"))
                .body("conditions[0].message", equalTo("1 field differs; policy is report-only"))
                .body("lastRun.id", equalTo((int) run))
                .body("lastRun.result", equalTo("Converged"))
                .body("lastRun.summary.driftDetected", equalTo(1))
                .body("drift", contains("service.web.deploy.healthcheckPath"))
                .body("pendingChanges", equalTo(1))
                .body("suspended", equalTo(false));
        given().when().get("/api/v1/environments").then().statusCode(200)
                .body("find { it.name == 'production' }.conditions.Ready", equalTo("False"))
                .body("find { it.name == 'production' }.lastRun.trigger", equalTo("interval"))
                .body("find { it.name == 'staging' }.lastRun", nullValue());
    }

    @Test
    void historyListsRunsAndEventsNewestFirstAndAnUnambiguousBareNameWorks() {
        long older = runs.start("shop", "staging", "r-old", "startup", T0);
        long newer = runs.start("shop", "staging", revision, "revision", T0.plusSeconds(60));
        events.append(EnvironmentEvent.of("shop", "staging", T0, "Warning", "RolloutFailed", "web failed", null));
        events.append(EnvironmentEvent.of("shop", "staging", T0.plusSeconds(61), "Normal", "Converged", "in sync",
                "{\"changes\": 2}"));

        given().when().get("/api/v1/environments/staging/history").then().statusCode(200)
                .body("runs.id", contains((int) newer, (int) older))
                .body("events.reason", contains("Converged", "RolloutFailed"))
                .body("events[0].details.changes", equalTo(2));
        given().when().get("/api/v1/environments/nowhere").then().statusCode(404)
                .body("reason", equalTo("EnvironmentNotFound"));
    }

    @Test
    void mutatingEndpointsRefuseAMissingOrWrongToken() {
        given().when().post("/api/v1/environments/{name}/suspend", "shop/production").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong").when().post("/api/v1/environments/{name}/suspend", "shop/production")
                .then().statusCode(401).body("reason", equalTo("Unauthorized"));
        given().header("Authorization", ApiTokenProfile.TOKEN).when()
                .post("/api/v1/environments/{name}/reconcile", "shop/production").then().statusCode(401);

        assertThat(controls.find("shop", "production").filter(c -> c.suspended())).isEmpty();
    }

    @Test
    void withTheTokenSuspendResumeAndReconcileAreStoredForTheLeader() {
        given().header("Authorization", "Bearer " + ApiTokenProfile.TOKEN).queryParam("reason", "maintenance")
                .when().post("/api/v1/environments/{name}/suspend", "shop/production").then().statusCode(200)
                .body("environment", equalTo("shop/production")).body("action", equalTo("suspend"));
        assertThat(controls.find("shop", "production").orElseThrow().suspendReason()).isEqualTo("maintenance");
        given().when().get("/api/v1/environments/production").then().statusCode(200)
                .body("suspended", equalTo(true)).body("suspendedBy", equalTo("api"));

        given().header("Authorization", "Bearer " + ApiTokenProfile.TOKEN)
                .when().post("/api/v1/environments/production/resume").then().statusCode(200);
        given().header("Authorization", "bearer " + ApiTokenProfile.TOKEN)
                .when().post("/api/v1/environments/{name}/reconcile", "shop/production").then().statusCode(202)
                .body("action", equalTo("reconcile"));

        assertThat(controls.find("shop", "production").orElseThrow())
                .satisfies(c -> assertThat(c.suspended()).isFalse())
                .satisfies(c -> assertThat(c.reconcileRequestedAt()).isNotNull());
        given().when().get("/api/v1/environments/{name}/history", "shop/production").then().statusCode(200)
                .body("events.reason", contains("ReconcileRequested", "Resumed", "Suspended"));
    }
}
