package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.observed.ObservedVolume;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.plan.Planner;
import dev.switchman.sandbox.RailwaySandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reconciler on a sandbox that knows the project only by name (as {@code serve --sandbox} seeds
 * it), and a service with a volume and backup schedules.
 */
class NamesAndVolumesReconcileIT extends SandboxReconcileIT {

    private static final String API = """
            services:
              api:
                source: {image: "ghcr.io/acme/api:1.0"}
                variables: {PORT: "8080"}
            """;

    private static final String POSTGRES = """
            services:
              postgres:
                source: {image: "postgres:16"}
                variables: {POSTGRES_USER: shop}
                volume: {mountPath: /var/lib/postgresql/data, backupSchedules: [DAILY]}
            """;

    @Test
    void anEnvironmentWithoutRailwayIdsIsFoundByNameOnceAndThenCostsOneRequestPerCycle() {
        h.declareProjectId = false;
        DesiredEnvironment desired = h.desire(API);

        ReconcileOutcome first = h.reconcile(desired);

        assertThat(first).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.observe().services().get("api").settings()).containsEntry("source.image", "ghcr.io/acme/api:1.0");
        h.sandbox.advance(Duration.ofMinutes(2));
        int before = h.transport.total();

        ReconcileOutcome second = h.reconcile(desired);

        assertThat(second).isEqualTo(new ReconcileOutcome.Converged(h.revision(), 0, 0));
        assertThat(h.transport.total() - before).isEqualTo(1);
        assertThat(h.transport.count("Projects")).isEqualTo(1);
        assertThat(h.transport.count("ProjectTopology")).isEqualTo(1);
    }

    @Test
    void aProjectTheTokenCannotSeeStallsNamingIt() {
        h.declareProjectId = false;
        DesiredEnvironment shop = h.desire(API);
        DesiredEnvironment desired = new DesiredEnvironment("warehouse", shop.name(), null, shop.services(),
                shop.sharedVariables(), shop.databases(), shop.policy(), shop.source(), shop.sources());

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Stalled.class);
        assertThat(((ReconcileOutcome.Stalled) outcome).reason()).isEqualTo("RailwayEnvironmentNotFound");
        assertThat(((ReconcileOutcome.Stalled) outcome).message()).contains("no project named warehouse");
    }

    @Test
    void aServiceWithAVolumeAndDailyBackupsConvergesAndPlansEmptyAfterwards() {
        DesiredEnvironment desired = h.desire(POSTGRES);

        ReconcileOutcome first = h.reconcile(desired);

        assertThat(first).isInstanceOf(ReconcileOutcome.Progressing.class);
        ObservedVolume volume = h.observe().services().get("postgres").volume();
        assertThat(volume).isNotNull();
        assertThat(volume.mountPath()).isEqualTo("/var/lib/postgresql/data");
        assertThat(volume.backupSchedules()).containsExactly("DAILY");
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.sandbox.deployments(h.environmentId, h.serviceId("postgres")))
                .extracting(RailwaySandbox.DeploymentInfo::status).containsExactly("SUCCESS");
        LastApplied applied = LastAppliedJson.read(ReconcilerJson.read(
                h.lastApplied.find("shop", "production").orElseThrow().snapshotJson()));
        assertThat(Planner.plan(h.revision(), desired, h.observe(), applied, name -> Optional.empty())
                .changes()).isEmpty();
        assertThat(h.reconcile(desired)).isEqualTo(new ReconcileOutcome.Converged(h.revision(), 0, 0));
        assertThat(h.transport.count("VolumeCreate")).isEqualTo(1);
    }

    @Test
    void aChangedMountPathIsMovedInThisEnvironmentOnly() {
        DesiredEnvironment desired = h.desire(POSTGRES);
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        DesiredEnvironment moved = h.desire(POSTGRES.replace("/var/lib/postgresql/data", "/data"));

        ReconcileOutcome outcome = h.reconcile(moved);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        ObservedVolume volume = h.observe().services().get("postgres").volume();
        assertThat(volume.mountPath()).isEqualTo("/data");
        assertThat(volume.backupSchedules()).containsExactly("DAILY");
        assertThat(h.transport.count("VolumeCreate")).isEqualTo(1);
    }

    @Test
    void aLostVolumeCreateAnswerDoesNotCreateASecondVolume() {
        DesiredEnvironment desired = h.desire(POSTGRES);
        h.transport.loseNextResponse("VolumeCreate");

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.transport.count("VolumeCreate")).isEqualTo(1);
        assertThat(h.observe().services().get("postgres").volume().backupSchedules()).containsExactly("DAILY");
        RailwaySandbox.Response volumes = h.sandbox.graphql("query($p: String!) { project(id: $p) { volumes { edges { node { id } } } } }",
                Map.of("p", h.projectId), null, "Bearer " + ReconcileHarness.TOKEN, null);
        assertThat((List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) volumes.body().get("data")).get("project"))
                .get("volumes")).get("edges")).hasSize(1);
    }
}
