package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxErrorsTest {

    private final SandboxHarness h = new SandboxHarness();

    private Map<String, Object> firstError(RailwaySandbox.Response r) {
        List<Object> errors = Json.list(r.body().get("errors"));
        assertThat(errors).isNotEmpty();
        errors.forEach(e -> assertThat(Json.map(Json.at(e, "extensions"))).containsKey("traceId"));
        return Json.map(errors.get(0));
    }

    /** The documentation examples Railway's real schema rejects (README §5.2). */
    @ParameterizedTest
    @ValueSource(strings = {
        "mutation { deploymentRollback(id: \"x\") { id status } }",
        "query { deployments(input: {status: {successfulOnly: true}}) { edges { node { id } } } }",
        "mutation { volumeInstanceBackupCreate(volumeInstanceId: \"x\") }",
        "query { environmentStagedChanges(environmentId: \"x\") }",
        "query { serviceInstance(environmentId: \"e\", serviceId: \"s\") { source { branch } } }",
        "mutation { serviceInstanceUpdate(serviceId: \"s\", input: {source: {branch: \"main\"}}) }"
    })
    void documentsRailwayRejectsFailValidationWith400(String document) {
        RailwaySandbox.Response r = h.call(document, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(Json.at(firstError(r), "extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(1);
    }

    @Test
    void unknownFieldMessageMatchesRailwayWording() {
        RailwaySandbox.Response r = h.call("mutation { deploymentRollback(id: \"x\") { id } }", Map.of());
        assertThat(firstError(r).get("message")).isEqualTo("Field \"deploymentRollback\" must not have a selection since type \"Boolean!\" has no subfields.");
        RailwaySandbox.Response unknown = h.call("query { project(id: \"x\") { nope } }", Map.of());
        assertThat(firstError(unknown).get("message")).isEqualTo("Cannot query field \"nope\" on type \"Project\".");
        RailwaySandbox.Response input = h.call("query { deployments(input: {status: {successfulOnly: true}}) { edges { cursor } } }", Map.of());
        assertThat(firstError(input).get("message")).isEqualTo("Field \"successfulOnly\" is not defined by type \"DeploymentStatusInput\".");
    }

    @Test
    void parseErrorIs400WithParseCode() {
        RailwaySandbox.Response r = h.call("query { project(id: ", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(Json.at(firstError(r), "extensions.code")).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void missingIdIs200WithErrorsAndNullData() {
        RailwaySandbox.Response r = h.call("query { environment(id: \"00000000-0000-0000-0000-000000000000\") { id } }", Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsKey("data");
        assertThat(r.body().get("data")).isNull();
        assertThat(firstError(r).get("message")).isEqualTo("Environment not found");
        assertThat(firstError(r).get("path")).isEqualTo(List.of("environment"));
    }

    @Test
    void noTokenIsNotAuthorized() {
        RailwaySandbox.Response r = h.sandbox.graphql("query($p: String!) { project(id: $p) { id } }", Map.of("p", h.projectId), null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(firstError(r).get("message")).isEqualTo("Not Authorized");
        assertThat(r.body().get("data")).isNull();
    }

    @Test
    void projectTokenReachesOnlyItsEnvironmentAndMeFailsForIt() {
        String q = "query($e: String!) { environment(id: $e) { id } }";
        RailwaySandbox.Response own = h.sandbox.graphql(q, Map.of("e", h.staging), null, null, "project-token");
        assertThat(own.body().get("errors")).isNull();
        RailwaySandbox.Response other = h.sandbox.graphql(q, Map.of("e", h.production), null, null, "project-token");
        assertThat(firstError(other).get("message")).isEqualTo("Not Authorized");
        RailwaySandbox.Response token = h.sandbox.graphql("query { projectToken { projectId environmentId } }", Map.of(), null, null, "project-token");
        assertThat(Json.at(token.body(), "data.projectToken.environmentId")).isEqualTo(h.staging);
        RailwaySandbox.Response me = h.sandbox.graphql("query { me { id } }", Map.of(), null, null, "project-token");
        assertThat(firstError(me).get("message")).isEqualTo("Not Authorized");
        RailwaySandbox.Response bogus = h.sandbox.graphql(q, Map.of("e", h.staging), null, null, "nope");
        assertThat((String) firstError(bogus).get("message")).containsIgnoringCase("project token not found");
    }

    @Test
    void meWorksForAccountTokensOnlyAndWorkspaceTokensSeeTheirWorkspace() {
        assertThat(Json.at(h.data("query { me { email } }"), "me.email")).isEqualTo("sandbox@example.com");
        RailwaySandbox.Response me = h.sandbox.graphql("query { me { id } }", Map.of(), null, "Bearer workspace-token", null);
        assertThat(firstError(me).get("message")).isEqualTo("Not Authorized");
        RailwaySandbox.Response project = h.sandbox.graphql("query($p: String!) { project(id: $p) { name } }", Map.of("p", h.projectId), null, "Bearer workspace-token", null);
        assertThat(Json.at(project.body(), "data.project.name")).isEqualTo("shop");
    }

    @Test
    void rollbackOfAnUnknownDeploymentIsAnErrorNotAFalse() {
        RailwaySandbox.Response r = h.call("mutation { deploymentRollback(id: \"x\") }", Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("data")).isNull();
        assertThat(Json.at(firstError(r), "extensions.code")).isEqualTo("BAD_USER_INPUT");
    }
}
