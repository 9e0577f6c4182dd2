package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox over real HTTP: GraphQL, headers, rate limits, request faults, admin and app endpoints. */
class SandboxServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxServer server;

    private SandboxHarness start(SandboxFixture fixture) {
        SandboxHarness h = new SandboxHarness(fixture);
        server = new SandboxServer(h.sandbox).start(0);
        return h;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, Object body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        return post("/graphql/v2", Map.of("query", query, "variables", variables), "Authorization", "Bearer " + SandboxHarness.TOKEN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<String> r) throws IOException {
        return JSON.readValue(r.body(), Map.class);
    }

    @Test
    void answersGraphqlWithRateLimitHeaders() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        HttpResponse<String> r = graphql("query($e: String!) { environment(id: $e) { name configEtag } }", Map.of("e", h.production));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.at(body(r), "data.environment.name")).isEqualTo("production");
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("10000");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("9999");
        assertThat(r.headers().firstValue("X-RateLimit-Reset")).isPresent();
        assertThat(r.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        HttpResponse<String> invalid = graphql("query { environment(id: \"x\") { nope } }", Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    @Test
    void spentBudgetGives429WithRetryAfterUntilTheWindowMoves() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop().set("rateLimits", Map.of("perHour", 3, "perSecond", 10)));
        for (int i = 0; i < 3; i++) {
            assertThat(graphql("query { me { id } }", Map.of()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = graphql("query { me { id } }", Map.of());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        h.sandbox.advance(Duration.ofHours(1));
        assertThat(graphql("query { me { id } }", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void perSecondBudgetRefusesBurstsWithRetryAfterOne() throws Exception {
        start(SandboxHarness.shop().set("rateLimits", Map.of("perHour", 100, "perSecond", 2)));
        graphql("query { me { id } }", Map.of());
        graphql("query { me { id } }", Map.of());
        HttpResponse<String> burst = graphql("query { me { id } }", Map.of());
        assertThat(burst.statusCode()).isEqualTo(429);
        assertThat(burst.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void requestFaultsFromTheAdminEndpointAnswer429Then503AndDoNotExecute() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        assertThat(post("/sandbox/admin/request-faults", Map.of("tooManyRequests", 1, "retryAfterSeconds", 7, "serverErrors", 0)).statusCode()).isEqualTo(200);
        String deploy = "mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }";
        HttpResponse<String> storm = graphql(deploy, Map.of("s", h.api, "e", h.production));
        assertThat(storm.statusCode()).isEqualTo(429);
        assertThat(storm.headers().firstValue("Retry-After")).hasValue("7");
        post("/sandbox/admin/request-faults", Map.of("serverErrors", 1));
        assertThat(graphql(deploy, Map.of("s", h.api, "e", h.production)).statusCode()).isEqualTo(503);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(1);
        assertThat(graphql(deploy, Map.of("s", h.api, "e", h.production)).statusCode()).isEqualTo(200);
        assertThat(h.sandbox.deployments(h.production, h.api)).hasSize(2);
    }

    @Test
    void adminAdvancesTheClockAndInjectsDeploymentFaultsVisibleOnTheAppEndpoint() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        String health = "/apps/" + h.sandbox.domain(h.production, h.api) + "/health";
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(server.url() + health)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(body(ok)).containsEntry("status", "ok");
        assertThat(body(ok).get("checks")).isEqualTo(Map.of("database", Map.of("status", "healthy", "critical", true),
                "redis", Map.of("status", "healthy", "critical", false)));
        post("/sandbox/admin/deployment-fault", Map.of("project", "shop", "service", "api", "fault", "DEGRADE"));
        graphql("mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }", Map.of("s", h.api, "e", h.production));
        assertThat(post("/sandbox/admin/advance", Map.of("seconds", 5)).statusCode()).isEqualTo(200);
        HttpResponse<String> degraded = http.send(HttpRequest.newBuilder(URI.create(server.url() + health)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(body(degraded).get("checks").toString()).contains("status=unhealthy");
    }

    @Test
    void dashboardEditOverHttpMovesTheEtag() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        String before = h.sandbox.configEtag(h.production);
        post("/sandbox/admin/dashboard-edit", Map.of("project", "shop", "environment", "production",
                "patch", Map.of("services", Map.of(h.api, Map.of("deploy", Map.of("numReplicas", 4))))));
        assertThat(h.sandbox.configEtag(h.production)).isNotEqualTo(before);
        HttpResponse<String> r = graphql("query($e: String!, $s: String!) { serviceInstance(environmentId: $e, serviceId: $s) { numReplicas } }",
                Map.of("e", h.production, "s", h.api));
        assertThat(Json.at(body(r), "data.serviceInstance.numReplicas")).isEqualTo(4);
    }

    @Test
    void dashboardEditNamesServicesAsPeopleKnowThem() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());

        HttpResponse<String> edit = post("/sandbox/admin/dashboard-edit", Map.of("project", "shop", "environment",
                "production", "patch", Map.of("services", Map.of("api", Map.of("deploy", Map.of("numReplicas", 3))))));

        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        HttpResponse<String> r = graphql("query($e: String!, $s: String!) { serviceInstance(environmentId: $e, serviceId: $s) { numReplicas } }",
                Map.of("e", h.production, "s", h.api));
        assertThat(Json.at(body(r), "data.serviceInstance.numReplicas")).isEqualTo(3);
    }

    @Test
    void relayPaginationWithFirstAfterAndFirstZero() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        String q = "query($e: String!, $f: Int, $a: String) { environment(id: $e) { serviceInstances(first: $f, after: $a) { edges { cursor node { serviceName } } pageInfo { hasNextPage endCursor } } } }";
        Map<String, Object> page1 = body(graphql(q, Map.of("e", h.production, "f", 1)));
        assertThat(Json.at(page1, "data.environment.serviceInstances.edges.0.node.serviceName")).isEqualTo("api");
        assertThat(Json.at(page1, "data.environment.serviceInstances.pageInfo.hasNextPage")).isEqualTo(true);
        String cursor = (String) Json.at(page1, "data.environment.serviceInstances.pageInfo.endCursor");
        Map<String, Object> page2 = body(graphql(q, Map.of("e", h.production, "f", 1, "a", cursor)));
        assertThat(Json.at(page2, "data.environment.serviceInstances.edges.0.node.serviceName")).isEqualTo("worker");
        assertThat(Json.at(page2, "data.environment.serviceInstances.pageInfo.hasNextPage")).isEqualTo(false);
        String end = (String) Json.at(page2, "data.environment.serviceInstances.pageInfo.endCursor");
        Map<String, Object> empty = body(graphql(q, Map.of("e", h.production, "f", 0, "a", end)));
        assertThat(Json.list(Json.at(empty, "data.environment.serviceInstances.edges"))).isEmpty();
        assertThat(Json.at(empty, "data.environment.serviceInstances.pageInfo.hasNextPage")).isEqualTo(false);
        Map<String, Object> deployments = body(graphql("query($p: String!) { deployments(first: 10, input: {projectId: $p, status: {in: [SUCCESS]}}) { edges { node { id status } } } }",
                Map.of("p", h.projectId)));
        assertThat(Json.list(Json.at(deployments, "data.deployments.edges"))).hasSize(4);
    }

    @Test
    void adminFailsTheNextPreDeployCommandWithTheGivenError() throws Exception {
        SandboxHarness h = start(SandboxHarness.shop());
        graphql("mutation($s: String!, $e: String!) { serviceInstanceUpdate(serviceId: $s, environmentId: $e,"
                + " input: {preDeployCommand: [\"./migrate\"]}) }", Map.of("s", h.api, "e", h.production));
        assertThat(post("/sandbox/admin/deployment-fault", Map.of("project", "shop", "service", "api",
                "fault", "FAIL_PRE_DEPLOY", "error", "relation missing")).statusCode()).isEqualTo(200);
        String id = (String) Json.at(body(graphql("mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s,"
                + " environmentId: $e) }", Map.of("s", h.api, "e", h.production))), "data.serviceInstanceDeployV2");
        post("/sandbox/admin/advance", Map.of("seconds", 30));

        Map<String, Object> events = body(graphql("query($id: String!) { deploymentEvents(id: $id) { edges { node { step"
                + " payload { error } } } } }", Map.of("id", id)));

        assertThat(Json.at(events, "data.deploymentEvents.edges.0.node.step")).isEqualTo("PRE_DEPLOY_COMMAND");
        assertThat(Json.at(events, "data.deploymentEvents.edges.0.node.payload.error")).isEqualTo("relation missing");
        assertThat(h.statuses(h.production, h.api)).containsExactly("FAILED", "SUCCESS");
    }
}
