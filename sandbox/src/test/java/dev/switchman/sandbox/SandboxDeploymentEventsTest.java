package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code deploymentEvents}: the steps a deployment goes through, a failing pre-deploy command, paging. */
class SandboxDeploymentEventsTest {

    private static final String DEPLOY = "mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }";
    private static final String PRE_DEPLOY = """
            mutation($s: String!, $e: String!) {
              serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: {preDeployCommand: ["python manage.py migrate"]})
            }""";
    private static final String EVENTS = """
            query($id: String!, $first: Int, $after: String) {
              deploymentEvents(id: $id, first: $first, after: $after) {
                edges { cursor node { id step createdAt completedAt payload { error attempt maxAttempts durationMs } } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }""";

    private final SandboxHarness h = new SandboxHarness();

    private String deploy(String serviceId) {
        return (String) h.data(DEPLOY, Map.of("s", serviceId, "e", h.production)).get("serviceInstanceDeployV2");
    }

    private void preDeployCommand(String serviceId) {
        h.data(PRE_DEPLOY, Map.of("s", serviceId, "e", h.production));
    }

    private Map<String, Object> connection(String deploymentId, Map<String, Object> paging) {
        Map<String, Object> variables = new HashMap<>(paging);
        variables.put("id", deploymentId);
        return Json.map(h.data(EVENTS, variables).get("deploymentEvents"));
    }

    private List<Map<String, Object>> events(String deploymentId) {
        return Json.list(connection(deploymentId, Map.of()).get("edges")).stream()
                .map(edge -> Json.map(Json.map(edge).get("node"))).toList();
    }

    private static List<Object> steps(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("step")).toList();
    }

    @Test
    void aBuiltDeploymentWithAPreDeployCommandGoesThroughEachStepInOrder() {
        preDeployCommand(h.worker);
        String id = deploy(h.worker);
        h.advance(60);

        List<Map<String, Object>> events = events(id);

        assertThat(h.statuses(h.production, h.worker)).containsExactly("SUCCESS", "REMOVED");
        assertThat(steps(events)).containsExactly("BUILD_IMAGE", "PRE_DEPLOY_COMMAND", "DRAIN_INSTANCES");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("completedAt")).isNotNull();
            assertThat(Json.at(e, "payload.error")).isNull();
        });
        assertThat(Json.at(events.get(1), "payload.durationMs")).isEqualTo(2000);
        assertThat(Json.at(events.get(1), "payload.maxAttempts")).isEqualTo(1);
    }

    @Test
    void anImageDeploymentWithAHealthcheckHasNoBuildAndDrainsAfterOverlapSeconds() {
        String id = deploy(h.api);
        h.advance(4);

        List<Map<String, Object>> events = events(id);

        assertThat(steps(events)).containsExactly("HEALTHCHECK", "DRAIN_INSTANCES");
        assertThat(events.get(0).get("completedAt")).isNotNull();
        assertThat(events.get(1).get("completedAt")).as("overlapSeconds 10 not over yet").isNull();
        h.advance(10);
        assertThat(events(id).get(1).get("completedAt")).isNotNull();
    }

    @Test
    void aFailingPreDeployCommandFailsTheDeploymentWithItsErrorAndTheOldOneKeepsServing() {
        preDeployCommand(h.api);
        String old = h.latest(h.production, h.api).id();
        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.FAIL_PRE_DEPLOY, 0,
                "django.db.utils.ProgrammingError: column \"total\" does not exist");
        String id = deploy(h.api);
        h.advance(3);
        assertThat(h.statuses(h.production, h.api)).containsExactly("DEPLOYING", "SUCCESS");
        assertThat(events(id)).singleElement().satisfies(e -> assertThat(e.get("completedAt")).isNull());

        h.advance(60);

        assertThat(h.statuses(h.production, h.api)).containsExactly("FAILED", "SUCCESS");
        List<Map<String, Object>> events = events(id);
        assertThat(steps(events)).containsExactly("PRE_DEPLOY_COMMAND");
        assertThat(Json.at(events.get(0), "payload.error")).isEqualTo("django.db.utils.ProgrammingError: column \"total\" does not exist");
        assertThat(Json.at(events.get(0), "payload.attempt")).isEqualTo(1);
        AppEndpoints.AppResponse app = h.sandbox.app(h.sandbox.domain(h.production, h.api), "/health");
        assertThat(app.body()).containsEntry("deploymentId", old);
    }

    @Test
    void thePreDeployFaultIsUsedUpAndNeedsAPreDeployCommandToFailAnything() {
        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.FAIL_PRE_DEPLOY, 0);
        String without = deploy(h.api);
        h.advance(60);
        assertThat(steps(events(without))).doesNotContain("PRE_DEPLOY_COMMAND");
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");

        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.FAIL_PRE_DEPLOY, 0);
        preDeployCommand(h.api);
        String failed = deploy(h.api);
        h.advance(60);
        String next = deploy(h.api);
        h.advance(60);

        assertThat(Json.at(events(failed).get(0), "payload.error")).isEqualTo(SandboxFaults.PRE_DEPLOY_ERROR);
        assertThat(h.latest(h.production, h.api).id()).isEqualTo(next);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");
        assertThat(events(next)).noneSatisfy(e -> assertThat(Json.at(e, "payload.error")).isNotNull());
    }

    @Test
    void eventsArePagedWithFirstAndAfter() {
        preDeployCommand(h.worker);
        String id = deploy(h.worker);
        h.advance(60);

        Map<String, Object> first = connection(id, Map.of("first", 2));
        Map<String, Object> rest = connection(id, Map.of("first", 2, "after", Json.at(first, "pageInfo.endCursor")));
        Map<String, Object> none = connection(id, Map.of("first", 0));

        assertThat(Json.list(first.get("edges"))).hasSize(2);
        assertThat(Json.at(first, "pageInfo.hasNextPage")).isEqualTo(true);
        assertThat(Json.list(rest.get("edges"))).hasSize(1);
        assertThat(Json.at(rest, "edges.0.node.step")).isEqualTo("DRAIN_INSTANCES");
        assertThat(Json.at(rest, "pageInfo.hasNextPage")).isEqualTo(false);
        assertThat(Json.list(none.get("edges"))).isEmpty();
    }

    @Test
    void anUnknownDeploymentIsAnError() {
        RailwaySandbox.Response r = h.call(EVENTS, Map.of("id", "00000000-0000-0000-0000-000000000000"));

        assertThat(r.body().get("errors")).isNotNull();
        assertThat(r.body().get("data")).isNull();
    }
}
