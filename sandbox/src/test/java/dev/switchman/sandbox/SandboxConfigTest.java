package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

    private final SandboxHarness h = new SandboxHarness();

    private static final String UPSERT = "mutation($p: String!, $e: String!, $s: String, $skip: Boolean) { variableUpsert(input: "
            + "{projectId: $p, environmentId: $e, serviceId: $s, name: \"FEATURE\", value: \"on\", skipDeploys: $skip}) }";

    private Map<String, Object> vars(Boolean skip) {
        Map<String, Object> v = new HashMap<>(Map.of("p", h.projectId, "e", h.production, "s", h.api));
        v.put("skip", skip);
        return v;
    }

    @Test
    void variableWriteRedeploysTheServiceAndMovesTheEtag() {
        String etag = h.sandbox.configEtag(h.production);
        h.data(UPSERT, vars(null));
        assertThat(h.sandbox.configEtag(h.production)).isNotEqualTo(etag);
        h.advance(60);
        assertThat(h.statuses(h.production, h.api)).containsExactly("SUCCESS", "REMOVED");
        assertThat(h.latest(h.production, h.api).variables()).containsEntry("FEATURE", "on");
        assertThat(h.statuses(h.staging, h.api)).containsExactly("SUCCESS");
    }

    @Test
    void skipDeploysWritesWithoutDeploying() {
        h.data(UPSERT, vars(true));
        assertThat(h.statuses(h.production, h.api)).containsExactly("SUCCESS");
        Map<String, Object> d = h.data("query($p: String!, $e: String!, $s: String) { variables(projectId: $p, environmentId: $e, serviceId: $s) }",
                Map.of("p", h.projectId, "e", h.production, "s", h.api));
        assertThat(Json.map(d.get("variables"))).containsEntry("FEATURE", "on");
    }

    @Test
    void variableDeleteHasNoSkipDeploysAndRedeploys() {
        h.data("mutation($p: String!, $e: String!, $s: String) { variableDelete(input: {projectId: $p, environmentId: $e, serviceId: $s, name: \"PORT\"}) }",
                Map.of("p", h.projectId, "e", h.production, "s", h.api));
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(2);
        assertThat(h.latest(h.production, h.api).variables()).doesNotContainKey("PORT");
        RailwaySandbox.Response invalid = h.call("mutation { variableDelete(input: {projectId: \"p\", environmentId: \"e\", name: \"X\", skipDeploys: true}) }", Map.of());
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void sharedVariableWriteRedeploysServicesThatReferenceIt() {
        h.data("mutation($p: String!, $e: String!) { variableCollectionUpsert(input: {projectId: $p, environmentId: $e, variables: {REGION: \"us\"}}) }",
                Map.of("p", h.projectId, "e", h.production));
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(2);
        assertThat(h.sandbox.deployments(h.production, h.worker)).hasSize(1);
        assertThat(h.latest(h.production, h.api).variables()).containsEntry("DB_REGION", "us");
    }

    @Test
    void renderedAndUnrenderedVariablesAndSealedNeverReturned() {
        String q = "query($p: String!, $e: String!, $s: String, $u: Boolean) { variables(projectId: $p, environmentId: $e, serviceId: $s, unrendered: $u) }";
        Map<String, Object> rendered = Json.map(h.data(q, Map.of("p", h.projectId, "e", h.production, "s", h.worker)).get("variables"));
        assertThat(rendered).containsEntry("API_PORT", "8080");
        Map<String, Object> raw = Json.map(h.data(q, Map.of("p", h.projectId, "e", h.production, "s", h.worker, "u", true)).get("variables"));
        assertThat(raw).containsEntry("API_PORT", "${{api.PORT}}");
        Map<String, Object> api = Json.map(h.data(q, Map.of("p", h.projectId, "e", h.production, "s", h.api)).get("variables"));
        assertThat(api).containsKey("PORT").doesNotContainKey("API_KEY");
        assertThat(h.latest(h.production, h.api).variables()).containsEntry("API_KEY", "s3cret");
    }

    @Test
    void configIsKeyedByServiceIdMaskedUnlessDecryptedAndNeverShowsSealedValues() {
        String q = "query($e: String!, $d: Boolean) { environment(id: $e) { config(decryptVariables: $d) } }";
        Object masked = Json.at(h.data(q, Map.of("e", h.production)), "environment.config.services." + h.api + ".variables");
        assertThat(Json.at(masked, "PORT.value")).isEqualTo(VariableStore.MASK);
        Object clear = Json.at(h.data(q, Map.of("e", h.production, "d", true)), "environment.config.services." + h.api + ".variables");
        assertThat(Json.at(clear, "PORT.value")).isEqualTo("8080");
        assertThat(Json.map(Json.at(clear, "API_KEY"))).containsEntry("isSealed", true).doesNotContainKey("value");
    }

    @Test
    void serviceInstanceUpdateWithoutEnvironmentIdChangesEveryEnvironmentAndDoesNotDeploy() {
        String etagProd = h.sandbox.configEtag(h.production);
        String etagStaging = h.sandbox.configEtag(h.staging);
        h.data("mutation($s: String!) { serviceInstanceUpdate(serviceId: $s, input: {startCommand: \"run\", numReplicas: 2}) }", Map.of("s", h.api));
        String q = "query($e: String!, $s: String!) { serviceInstance(environmentId: $e, serviceId: $s) { startCommand numReplicas restartPolicyType builder watchPatterns } }";
        for (String env : new String[] {h.production, h.staging}) {
            Map<String, Object> si = Json.map(h.data(q, Map.of("e", env, "s", h.api)).get("serviceInstance"));
            assertThat(si).containsEntry("startCommand", "run").containsEntry("numReplicas", 2).containsEntry("restartPolicyType", "ON_FAILURE");
        }
        assertThat(h.sandbox.configEtag(h.production)).isNotEqualTo(etagProd);
        assertThat(h.sandbox.configEtag(h.staging)).isNotEqualTo(etagStaging);
        assertThat(h.statuses(h.production, h.api)).containsExactly("SUCCESS");
    }

    @Test
    void explicitNullUnsetsASettingAndSameValueKeepsTheEtag() {
        String m = "mutation($s: String!, $e: String!, $i: ServiceInstanceUpdateInput!) { serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: $i) }";
        Map<String, Object> input = new HashMap<>();
        input.put("healthcheckPath", "/health");
        String etag = h.sandbox.configEtag(h.production);
        h.data(m, Map.of("s", h.api, "e", h.production, "i", input));
        assertThat(h.sandbox.configEtag(h.production)).isEqualTo(etag);
        input.put("healthcheckPath", null);
        h.data(m, Map.of("s", h.api, "e", h.production, "i", input));
        Map<String, Object> si = h.data("query($e: String!, $s: String!) { serviceInstance(environmentId: $e, serviceId: $s) { healthcheckPath } }",
                Map.of("e", h.production, "s", h.api));
        assertThat(Json.map(si.get("serviceInstance"))).containsEntry("healthcheckPath", null);
        assertThat(h.sandbox.configEtag(h.production)).isNotEqualTo(etag);
    }

    @Test
    void patchCommitDeepMergesDeletesWithNullToleratesUnknownKeysAndRedeploys() {
        Map<String, Object> patch = Map.of("services", Map.of(h.api, Map.of(
                "deploy", Map.of("startCommand", "serve"),
                "variables", new HashMap<>(Collections.singletonMap("PORT", null)),
                "futureKey", Map.of("x", 1))));
        String id = (String) h.data("mutation($e: String!, $p: EnvironmentConfig) { environmentPatchCommit(environmentId: $e, patch: $p) }",
                Map.of("e", h.production, "p", patch)).get("environmentPatchCommit");
        assertThat(id).isNotBlank();
        Object svc = Json.at(h.data("query($e: String!) { environment(id: $e) { config(decryptVariables: true) } }", Map.of("e", h.production)),
                "environment.config.services." + h.api);
        assertThat(Json.at(svc, "deploy.startCommand")).isEqualTo("serve");
        assertThat(Json.at(svc, "deploy.healthcheckPath")).isEqualTo("/health");
        assertThat(Json.map(Json.at(svc, "variables"))).doesNotContainKey("PORT").containsKey("DB_REGION");
        assertThat(Json.at(svc, "futureKey.x")).isEqualTo(1);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(2);
        assertThat(h.sandbox.deployments(h.production, h.worker)).hasSize(2);
    }

    @Test
    void stagedChangesAreCommittedWholeAndCountAsUnmerged() {
        String stage = "mutation($e: String!, $i: EnvironmentConfig!) { environmentStageChanges(environmentId: $e, input: $i, merge: true) { id status } }";
        h.data(stage, Map.of("e", h.production, "i", Map.of("services", Map.of(h.api, Map.of("deploy", Map.of("numReplicas", 3)))))) ;
        h.data(stage, Map.of("e", h.production, "i", Map.of("sharedVariables", Map.of("NEW", Map.of("value", "1")))));
        Map<String, Object> env = h.data("query($e: String!) { environment(id: $e) { unmergedChangesCount } environmentStagedChanges(environmentId: $e) { status patch } }",
                Map.of("e", h.production));
        assertThat(Json.at(env, "environment.unmergedChangesCount")).isEqualTo(2);
        assertThat(Json.at(env, "environmentStagedChanges.status")).isEqualTo("STAGED");
        h.data("mutation($e: String!) { environmentPatchCommitStaged(environmentId: $e, skipDeploys: true) }", Map.of("e", h.production));
        Map<String, Object> after = h.data("query($e: String!, $s: String!) { environment(id: $e) { unmergedChangesCount } serviceInstance(environmentId: $e, serviceId: $s) { numReplicas } }",
                Map.of("e", h.production, "s", h.api));
        assertThat(Json.at(after, "environment.unmergedChangesCount")).isEqualTo(0);
        assertThat(Json.at(after, "serviceInstance.numReplicas")).isEqualTo(3);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(1);
    }

    @Test
    void dashboardEditMovesTheEtagWithoutDeploying() {
        String etag = h.sandbox.configEtag(h.production);
        h.sandbox.dashboardEdit(h.production, Map.of("services", Map.of(h.api, Map.of("variables", Map.of("PORT", Map.of("value", "1")))))) ;
        assertThat(h.sandbox.configEtag(h.production)).isNotEqualTo(etag);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(1);
    }

    @Test
    void serviceCreateDeploysEverywhereAndServiceDeleteWithoutEnvironmentRemovesIt() {
        String id = (String) Json.at(h.data("mutation($p: String!) { serviceCreate(input: {projectId: $p, name: \"cache\", source: {image: \"redis:7\"}}) { id name } }",
                Map.of("p", h.projectId)), "serviceCreate.id");
        assertThat(h.sandbox.deployments(h.production, id)).hasSize(1);
        assertThat(h.sandbox.deployments(h.staging, id)).hasSize(1);
        h.data("mutation($id: String!, $e: String) { serviceDelete(id: $id, environmentId: $e) }", Map.of("id", id, "e", h.staging));
        assertThat(h.statuses(h.staging, id)).containsExactly("REMOVED");
        h.data("mutation($id: String!) { serviceDelete(id: $id) }", Map.of("id", id));
        RailwaySandbox.Response gone = h.call("query($e: String!, $s: String!) { serviceInstance(environmentId: $e, serviceId: $s) { id } }",
                Map.of("e", h.production, "s", id));
        assertThat(gone.body().get("data")).isNull();
    }

    @Test
    void environmentCreateCopiesTheSourceConfig() {
        Map<String, Object> d = h.data("mutation($p: String!, $src: String) { environmentCreate(input: {projectId: $p, name: \"pr-1\", sourceEnvironmentId: $src, ephemeral: true}) { id name isEphemeral } }",
                Map.of("p", h.projectId, "src", h.staging));
        String id = (String) Json.at(d, "environmentCreate.id");
        assertThat(Json.at(d, "environmentCreate.isEphemeral")).isEqualTo(true);
        assertThat(h.sandbox.deployments(id, h.api)).hasSize(1);
        assertThat(h.sandbox.domain(id, h.api)).isEqualTo("api-pr-1.up.railway.app");
    }
}
