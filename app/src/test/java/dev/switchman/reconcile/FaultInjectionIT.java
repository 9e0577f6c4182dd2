package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.ProjectTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of mutation Switchman sends meets, on the way to convergence, a lost answer (it ran), a 429 burst, a
 * 5xx, a proxy's 502 HTML page, and a slowness beyond the client's patience: the environment converges, with no
 * service made twice and exactly one deployment per change of each service.
 */
class FaultInjectionIT extends SandboxReconcileIT {

    private static final String SERVICES = """
            services:
              api:
                source: {image: "ghcr.io/acme/api:1.0"}
                variables: {MODE: "%1$s"}
              worker:
                source: {image: "ghcr.io/acme/worker:1.0"}
                variables: {MODE: "%1$s"}
              db:
                source: {image: "postgres:16"}
                variables: {MODE: "%1$s"}
                volume: {mountPath: /var/lib/postgresql/data, backupSchedules: [DAILY]}
            """;

    private DesiredEnvironment mode(String mode) {
        return h.desire(SERVICES.formatted(mode));
    }

    /** Every kind of trouble at once, with the answer of {@code operation} lost after it ran. */
    private void trouble(String operation) {
        h.sandbox.faults().loseResponses(operation, 1);
        h.sandbox.faults().tooManyRequests(2, 1);
        h.sandbox.faults().serverErrors(1);
        h.sandbox.faults().badGateway(1);
    }

    private ReconcileOutcome converge(DesiredEnvironment desired) {
        ReconcileOutcome outcome = null;
        for (int run = 0; run < 20 && !(outcome instanceof ReconcileOutcome.Converged); run++) {
            outcome = h.reconcile(desired);
            h.sandbox.advance(Duration.ofSeconds(30));
        }
        return outcome;
    }

    private Map<String, Integer> deploymentsPerService() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String service : List.of("api", "worker", "db")) {
            counts.put(service, h.sandbox.deployments(h.environmentId, h.serviceId(service)).size());
        }
        return counts;
    }

    private void assertOneServiceEach() {
        assertThat(h.railway.projectTopology(h.projectId).services()).extracting(ProjectTopology.Service::name)
                .containsExactlyInAnyOrder("api", "worker", "db");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ServiceCreate", "VolumeCreate", "VolumeInstanceBackupScheduleUpdate"})
    void creatingAnEnvironmentConvergesWithEverythingMadeOnce(String operation) {
        trouble(operation);

        ReconcileOutcome outcome = converge(mode("a"));

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertOneServiceEach();
        assertThat(deploymentsPerService()).containsOnly(Map.entry("api", 1), Map.entry("worker", 1), Map.entry("db", 1));
        assertThat(h.observe().services().get("db").volume()).isNotNull();
        assertThat(h.observe().services().get("db").volume().backupSchedules()).containsExactly("DAILY");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EnvironmentStageChanges", "EnvironmentPatchCommitStaged", "ServiceInstanceDeploy"})
    void aChangeConvergesWithOneDeploymentPerService(String operation) {
        assertThat(converge(mode("a"))).isInstanceOf(ReconcileOutcome.Converged.class);
        Map<String, Integer> before = deploymentsPerService();
        trouble(operation);

        ReconcileOutcome outcome = converge(mode("b"));

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertOneServiceEach();
        before.forEach((service, count) -> assertThat(deploymentsPerService()).containsEntry(service, count + 1));
        assertThat(h.observe().services().get("api").variables().get("MODE").value()).isEqualTo("b");
    }

    @Test
    void aDeploySlowerThanTheClientsPatienceIsStillSentOnce() {
        assertThat(converge(mode("a"))).isInstanceOf(ReconcileOutcome.Converged.class);
        Map<String, Integer> before = deploymentsPerService();
        h.useMutationTimeout(Duration.ofMillis(400));
        h.sandbox.faults().slow("ServiceInstanceDeploy", 1200);

        ReconcileOutcome outcome = converge(mode("b"));

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        before.forEach((service, count) -> assertThat(deploymentsPerService()).containsEntry(service, count + 1));
    }
}
