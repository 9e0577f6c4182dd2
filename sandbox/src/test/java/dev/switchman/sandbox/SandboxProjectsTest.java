package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code projects}: what each kind of token sees, the workspace filter, Relay pages. */
class SandboxProjectsTest {

    private static final String PROJECTS = """
            query($first: Int, $after: String, $workspaceId: String) {
              projects(first: $first, after: $after, workspaceId: $workspaceId) {
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id name workspaceId } }
              }
            }""";

    private final SandboxHarness h = new SandboxHarness(SandboxHarness.shop()
            .project("billing", p -> p.set("workspace", "acme"))
            .project("blog", p -> p.set("workspace", "personal")));

    private RailwaySandbox.Response projects(Map<String, Object> variables, String bearer, String projectToken) {
        return h.sandbox.graphql(PROJECTS, variables, null, bearer == null ? null : "Bearer " + bearer, projectToken);
    }

    private static List<Object> names(RailwaySandbox.Response response) {
        assertThat(response.body().get("errors")).isNull();
        return Json.list(Json.at(response.body(), "data.projects.edges")).stream()
                .map(edge -> Json.at(edge, "node.name")).toList();
    }

    private static Object firstErrorMessage(RailwaySandbox.Response response) {
        assertThat(response.body().get("data")).isNull();
        return Json.at(response.body(), "errors.0.message");
    }

    private String workspaceOf(String project) {
        return (String) Json.at(h.data("query($p: String!) { project(id: $p) { workspaceId } }",
                Map.of("p", h.sandbox.projectId(project))), "project.workspaceId");
    }

    @Test
    void anAccountTokenSeesEveryProjectOfItsUserAcrossWorkspaces() {
        assertThat(names(projects(Map.of(), SandboxHarness.TOKEN, null))).containsExactly("shop", "billing", "blog");
    }

    @Test
    void aWorkspaceIdNarrowsAnAccountTokenToThatWorkspace() {
        Map<String, Object> personal = Map.of("workspaceId", workspaceOf("blog"));

        assertThat(names(projects(personal, SandboxHarness.TOKEN, null))).containsExactly("blog");
    }

    @Test
    void aWorkspaceTokenSeesItsWorkspaceOnlyAndIsRefusedAnother() {
        assertThat(names(projects(Map.of(), "workspace-token", null))).containsExactly("shop", "billing");
        assertThat(names(projects(Map.of("workspaceId", workspaceOf("shop")), "workspace-token", null)))
                .containsExactly("shop", "billing");

        RailwaySandbox.Response other = projects(Map.of("workspaceId", workspaceOf("blog")), "workspace-token", null);

        assertThat(firstErrorMessage(other)).isEqualTo("Not Authorized");
    }

    @Test
    void aProjectTokenIsRefusedProjectsButNamesItsProjectThroughProjectToken() {
        assertThat(firstErrorMessage(projects(Map.of(), null, "project-token"))).isEqualTo("Not Authorized");
        assertThat(firstErrorMessage(projects(Map.of(), null, null))).isEqualTo("Not Authorized");

        RailwaySandbox.Response token = h.sandbox.graphql("query { projectToken { projectId project { id name } } }",
                Map.of(), null, null, "project-token");

        assertThat(Json.at(token.body(), "data.projectToken.project.name")).isEqualTo("shop");
        assertThat(Json.at(token.body(), "data.projectToken.project.id")).isEqualTo(h.projectId);
    }

    @Test
    void projectsComeInRelayPages() {
        Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
        RailwaySandbox.Response first = projects(variables, SandboxHarness.TOKEN, null);
        assertThat(names(first)).containsExactly("shop", "billing");
        assertThat(Json.at(first.body(), "data.projects.pageInfo.hasNextPage")).isEqualTo(true);

        variables.put("after", Json.at(first.body(), "data.projects.pageInfo.endCursor"));
        RailwaySandbox.Response second = projects(variables, SandboxHarness.TOKEN, null);

        assertThat(names(second)).containsExactly("blog");
        assertThat(Json.at(second.body(), "data.projects.pageInfo.hasNextPage")).isEqualTo(false);
        assertThat(names(projects(Map.of("first", 0), SandboxHarness.TOKEN, null))).isEmpty();
    }
}
