package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.sandbox.RailwaySandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Railway writes under faults and at their cost: a service two environments create at once, a commit whose answer
 * is lost, a deploy slower than the client's patience, a 429 with a short Retry-After, and what one change per
 * service costs. The sandbox over HTTP, the real client, a real store.
 */
class RailwayWritesIT extends SandboxReconcileIT {

    private static final String BACKEND = """
            services:
              backend:
                source: {image: "ghcr.io/acme/backend:%s"}
                variables: {MODE: "%s"}
            """;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @BeforeEach
    void twoEnvironments() {
        h.close();
        h = ReconcileHarness.fresh(postgres.store(), desiredDir, "production", "staging");
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private List<RailwaySandbox.DeploymentInfo> deployments(String environment, String service) {
        return h.sandbox.deployments(h.sandbox.environmentId("shop", environment), h.serviceId(service));
    }

    @Test
    void twoWorkersCreatingOneServiceForTwoEnvironmentsMakeItOnceAndBothConverge() throws Exception {
        DesiredEnvironment production = h.desire("production", BACKEND.formatted("1.0", "live"));
        DesiredEnvironment staging = h.desire("staging", BACKEND.formatted("1.0", "test"));
        // both runs reach the create together: the sandbox holds every create back a moment
        h.sandbox.faults().slow("ServiceCreate", 300);

        List<Future<ReconcileOutcome>> runs = workers.invokeAll(List.<Callable<ReconcileOutcome>>of(
                () -> h.reconcile(production), () -> h.reconcile(staging)));

        for (Future<ReconcileOutcome> run : runs) {
            assertThat(run.get()).isInstanceOf(ReconcileOutcome.Progressing.class);
        }
        ProjectTopology topology = h.railway.projectTopology(h.projectId);
        assertThat(topology.services()).extracting(ProjectTopology.Service::name).containsExactly("backend");
        assertThat(h.transport.count("ServiceCreate")).isEqualTo(2);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(production)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.reconcile(staging)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(deployments("production", "backend")).hasSize(1);
        assertThat(deployments("staging", "backend")).hasSize(1);
    }

    @Test
    void aCommitWhoseAnswerIsLostIsFoundCommittedAndItsDeploymentsFollowInTheSameRun() {
        DesiredEnvironment first = h.desire("production", BACKEND.formatted("1.0", "live"));
        h.drive(first, 10);
        DesiredEnvironment second = h.desire("production", BACKEND.formatted("1.0", "maintenance"));
        h.sandbox.faults().loseResponses("EnvironmentPatchCommitStaged", 1);

        ReconcileOutcome outcome = h.reconcile(second);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(h.observe().services().get("backend").variables().get("MODE").value()).isEqualTo("maintenance");
        assertThat(deployments("production", "backend")).hasSize(2);
        h.sandbox.advance(Duration.ofMinutes(2));
        assertThat(h.reconcile(second)).isInstanceOf(ReconcileOutcome.Converged.class);
    }

    @Test
    void aDeploySlowerThanTheClientsTimeoutIsSentOnceAndFollowed() {
        h.followRollouts();
        DesiredEnvironment first = h.desire("production", BACKEND.formatted("1.0", "live"));
        h.drive(first, 20);
        h.useMutationTimeout(Duration.ofMillis(500));
        h.sandbox.faults().slow("ServiceInstanceDeploy", 1500);
        int before = deployments("production", "backend").size();

        ReconcileOutcome outcome = h.drive(h.desire("production", BACKEND.formatted("2.0", "live")), 20);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(deployments("production", "backend")).hasSize(before + 1);
        assertThat(h.rolloutStore.quarantined("shop", "production")).isEmpty();
        assertThat(h.rolloutStore.recent("shop", "production", 1).get(0).state()).isEqualTo("Succeeded");
    }

    @Test
    void a429WithAShortRetryAfterHoldsCallsForThatLongNotUntilTheHoursEnd() {
        DesiredEnvironment desired = h.desire("production", BACKEND.formatted("1.0", "live"));
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.sandbox.faults().tooManyRequests(1, 4);
        var before = h.sandbox.clock().now();

        ReconcileOutcome outcome = h.reconcile(desired);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Converged.class);
        // the client sleeps on the sandbox's clock: it waited the Retry-After, not the hour the reset names
        assertThat(Duration.between(before, h.sandbox.clock().now())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void oneChangeToEachOfTenServicesCostsOneReadTwoPatchWritesAndOneDeployEach() {
        String services = IntStream.range(0, 10).mapToObj(i -> """
                  svc%d:
                    source: {image: "ghcr.io/acme/svc:1.0"}
                    variables: {INDEX: "%d", MODE: "%s"}
                """.formatted(i, i, "%s")).collect(Collectors.joining());
        DesiredEnvironment first = h.desire("production", "services:\n" + services.replace("%s", "a"));
        h.reconcile(first);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.reconcile(first);
        Map<String, Integer> before = h.transport.counts();
        int total = h.transport.total();

        h.reconcile(h.desire("production", "services:\n" + services.replace("%s", "b")));

        Map<String, Integer> after = h.transport.counts();
        assertThat(h.transport.total() - total).isEqualTo(10 + 3);
        assertThat(delta(before, after, "EnvironmentState")).isEqualTo(1);
        assertThat(delta(before, after, "EnvironmentStageChanges")).isEqualTo(1);
        assertThat(delta(before, after, "EnvironmentPatchCommitStaged")).isEqualTo(1);
        assertThat(delta(before, after, "ServiceInstanceDeploy")).isEqualTo(10);
        assertThat(delta(before, after, "VariableCollectionUpsert") + delta(before, after, "ServiceInstanceUpdate"))
                .isZero();
    }

    private static int delta(Map<String, Integer> before, Map<String, Integer> after, String operation) {
        return after.getOrDefault(operation, 0) - before.getOrDefault(operation, 0);
    }
}
