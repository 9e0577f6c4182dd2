package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    private static final String DEPLOY = "mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }";
    private final SandboxHarness h = new SandboxHarness();

    private String deploy(String serviceId, String environmentId) {
        return (String) h.data(DEPLOY, Map.of("s", serviceId, "e", environmentId)).get("serviceInstanceDeployV2");
    }

    @Test
    void imageDeploymentSkipsTheBuildAndRetiresThePreviousOneAfterOverlapSeconds() {
        String old = h.latest(h.production, h.api).id();
        String id = deploy(h.api, h.production);
        assertThat(id).isNotEqualTo(old).matches("[0-9a-f-]{36}");
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("INITIALIZING");
        h.advance(1);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("QUEUED");
        h.advance(1);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("DEPLOYING");
        h.advance(2);
        assertThat(h.statuses(h.production, h.api)).containsExactly("SUCCESS", "REMOVING");
        h.advance(10);
        assertThat(h.statuses(h.production, h.api)).containsExactly("SUCCESS", "REMOVED");
    }

    @Test
    void repositoryDeploymentBuilds() {
        deploy(h.worker, h.production);
        h.advance(2);
        assertThat(h.latest(h.production, h.worker).status()).isEqualTo("BUILDING");
        h.advance(3);
        assertThat(h.latest(h.production, h.worker).status()).isEqualTo("DEPLOYING");
        h.advance(2);
        assertThat(h.statuses(h.production, h.worker)).containsExactly("SUCCESS", "REMOVED");
        assertThat(h.latest(h.production, h.worker).meta()).containsKeys("commitHash", "repo", "branch");
    }

    @Test
    void failedBuildLeavesTheOldDeploymentServing() {
        h.sandbox.faults().nextDeployment(h.worker, SandboxFaults.DeploymentFault.FAIL_BUILD, 0);
        deploy(h.worker, h.production);
        h.advance(60);
        assertThat(h.statuses(h.production, h.worker)).containsExactly("FAILED", "SUCCESS");
        deploy(h.worker, h.production);
        h.advance(60);
        assertThat(h.statuses(h.production, h.worker)).containsExactly("SUCCESS", "FAILED", "REMOVED");
    }

    @Test
    void failedHealthcheckLeavesTheOldOneServingOverHttpToo() {
        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.FAIL_HEALTHCHECK, 0);
        String old = h.latest(h.production, h.api).id();
        deploy(h.api, h.production);
        h.advance(60);
        assertThat(h.statuses(h.production, h.api)).containsExactly("FAILED", "SUCCESS");
        AppEndpoints.AppResponse app = h.sandbox.app(h.sandbox.domain(h.production, h.api), "/health");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body()).containsEntry("deploymentId", old);
    }

    @Test
    void crashAfterSuccessAndRestartKeepsTheId() {
        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.CRASH, 30);
        String id = deploy(h.api, h.production);
        h.advance(4);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");
        h.advance(30);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("CRASHED");
        assertThat(h.sandbox.app(h.sandbox.domain(h.production, h.api), "/health").status()).isEqualTo(502);
        h.data("mutation($id: String!) { deploymentRestart(id: $id) }", Map.of("id", id));
        assertThat(h.latest(h.production, h.api).id()).isEqualTo(id);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");
    }

    @Test
    void degradedDeploymentAnswers503OnItsHealthPath() {
        h.sandbox.faults().nextDeployment(h.api, SandboxFaults.DeploymentFault.DEGRADE, 0);
        deploy(h.api, h.production);
        h.advance(4);
        assertThat(h.latest(h.production, h.api).status()).isEqualTo("SUCCESS");
        assertThat(h.sandbox.app(h.sandbox.domain(h.production, h.api), "/health").status()).isEqualTo(503);
    }

    @Test
    void rollbackReturnsTrueAndDeploysTheOldImageWithItsVariables() {
        String good = h.latest(h.production, h.api).id();
        h.data("mutation($s: String!, $e: String!) { serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: {source: {image: \"ghcr.io/acme/api:2.0\"}}) }",
                Map.of("s", h.api, "e", h.production));
        h.data("mutation($p: String!, $e: String!, $s: String!) { variableUpsert(input: {projectId: $p, environmentId: $e, serviceId: $s, name: \"PORT\", value: \"9090\"}) }",
                Map.of("p", h.projectId, "e", h.production, "s", h.api));
        h.advance(60);
        assertThat(h.latest(h.production, h.api).meta()).containsEntry("image", "ghcr.io/acme/api:2.0");
        Map<String, Object> data = h.data("mutation($id: String!) { deploymentRollback(id: $id) }", Map.of("id", good));
        assertThat(data).containsEntry("deploymentRollback", true);
        h.advance(60);
        RailwaySandbox.DeploymentInfo rolledBack = h.latest(h.production, h.api);
        assertThat(rolledBack.id()).isNotEqualTo(good);
        assertThat(rolledBack.status()).isEqualTo("SUCCESS");
        assertThat(rolledBack.meta()).containsEntry("image", "ghcr.io/acme/api:1.0");
        assertThat(rolledBack.variables()).containsEntry("PORT", "8080");
    }

    @Test
    void rollbackIsRefusedPastTheRetentionWindow() {
        String old = h.latest(h.production, h.api).id();
        h.sandbox.advance(Duration.ofHours(73));
        Map<String, Object> d = h.data("query($id: String!) { deployment(id: $id) { canRollback canRedeploy } }", Map.of("id", old));
        assertThat(Json.at(d, "deployment.canRollback")).isEqualTo(false);
        RailwaySandbox.Response r = h.call("mutation($id: String!) { deploymentRollback(id: $id) }", Map.of("id", old));
        assertThat(r.body().get("data")).isNull();
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(1);
    }

    @Test
    void serviceInstanceRedeployReusesTheLiveImageEvenAfterASourceChange() {
        h.data("mutation($s: String!, $e: String!) { serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: {source: {image: \"ghcr.io/acme/api:3.0\"}}) }",
                Map.of("s", h.api, "e", h.production));
        h.data("mutation($s: String!, $e: String!) { serviceInstanceRedeploy(serviceId: $s, environmentId: $e) }", Map.of("s", h.api, "e", h.production));
        h.advance(60);
        assertThat(h.latest(h.production, h.api).meta()).containsEntry("image", "ghcr.io/acme/api:1.0");
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(2);
    }

    @Test
    void aNewerDeploymentAbortsOneStillInProgressAndCancelMarksRemoved() {
        String first = deploy(h.worker, h.production);
        String second = deploy(h.worker, h.production);
        h.data("mutation($id: String!) { deploymentCancel(id: $id) }", Map.of("id", second));
        List<String> statuses = h.sandbox.deployments(h.production, h.worker).stream()
                .filter(d -> d.id().equals(first) || d.id().equals(second)).map(RailwaySandbox.DeploymentInfo::status).toList();
        assertThat(statuses).containsExactly("REMOVED", "REMOVED");
        assertThat(h.statuses(h.production, h.worker).get(2)).isEqualTo("SUCCESS");
    }

    @Test
    void stoppedDeploymentReportsDeploymentStopped() {
        String id = h.latest(h.production, h.api).id();
        h.data("mutation($id: String!) { deploymentStop(id: $id) }", Map.of("id", id));
        Map<String, Object> d = h.data("query($id: String!) { deployment(id: $id) { status deploymentStopped instances { status } } }", Map.of("id", id));
        assertThat(Json.at(d, "deployment.status")).isEqualTo("SUCCESS");
        assertThat(Json.at(d, "deployment.deploymentStopped")).isEqualTo(true);
        assertThat(Json.at(d, "deployment.instances.0.status")).isEqualTo("STOPPED");
    }
}
