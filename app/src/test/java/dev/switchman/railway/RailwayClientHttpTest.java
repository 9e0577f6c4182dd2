package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RailwayClient over real HTTP against a local server answering canned Railway responses. */
class RailwayClientHttpTest {

    private static final String DEPLOYMENT = """
            {"data":{"deployment":{"id":"dep-1","serviceId":"svc-1","environmentId":"env-1","status":"SUCCESS",
              "createdAt":"2026-09-01T09:00:00Z","canRedeploy":true,"canRollback":true,"deploymentStopped":false,
              "meta":{"image":"ghcr.io/acme/api:1.4.2"}}}}""";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeClock clock = new FakeClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CannedRailway railway;

    RailwayClientHttpTest() throws IOException {
        railway = new CannedRailway();
    }

    @AfterEach
    void stopServer() {
        railway.close();
    }

    @Test
    void a429StormIsWaitedOutNotFailed() {
        for (int i = 0; i < 6; i++) {
            railway.answer(429, "", Map.of("Retry-After", "30", "X-RateLimit-Remaining", "0"));
        }
        railway.answer(200, DEPLOYMENT);

        Deployment deployment = client().deployment("dep-1");

        assertThat(deployment.status()).isEqualTo("SUCCESS");
        assertThat(deployment.meta().path("image").asText()).isEqualTo("ghcr.io/acme/api:1.4.2");
        assertThat(clock.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(180));
        assertThat(requests("Deployment", "rate_limited")).isEqualTo(6);
        assertThat(requests("Deployment", "success")).isEqualTo(1);
        assertThat(registry.counter("switchman.railway.rate.limit.waits").count()).isEqualTo(6);
    }

    @Test
    void aReadIsRetriedAfter5xx() {
        railway.answer(503, "upstream unavailable").answer(500, "{}").answer(200, DEPLOYMENT);

        assertThat(client().deployment("dep-1").id()).isEqualTo("dep-1");
        assertThat(railway.received()).hasSize(3);
    }

    @Test
    void aReadGivesUpAfterTheConfiguredAttempts() {
        for (int i = 0; i < 10; i++) {
            railway.answer(500, "{}");
        }

        catchThrowableOfType(RailwayException.Transient.class, () -> client().deployment("dep-1"));

        assertThat(railway.received()).hasSize(5);
    }

    @Test
    void aDeployIsNotRepeatedAfter5xx() {
        railway.answer(502, "bad gateway").answer(200, """
                {"data":{"serviceInstanceDeployV2":"dep-2"}}""");

        RailwayException.Transient failure = catchThrowableOfType(RailwayException.Transient.class,
                () -> client().deploy("svc-1", "env-1", null));

        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(railway.received()).hasSize(1);
    }

    @Test
    void aDeployIsRepeatedWhenTheConnectionWasRefused() {
        railway.answer(200, """
                {"data":{"serviceInstanceDeployV2":"dep-2"}}""");
        AtomicInteger refusals = new AtomicInteger(1);
        GraphqlTransport http = new JdkHttpTransport(railway.uri());
        GraphqlTransport refusingOnce = (body, headers, timeout) -> {
            if (refusals.getAndDecrement() > 0) {
                throw new GraphqlTransport.TransportFailure("connection refused", false, null);
            }
            return http.post(body, headers, timeout);
        };

        String deploymentId = new RailwayClient(refusingOnce, StandaloneRailwayConfig.withTokens(null, "acct"), registry,
                clock, () -> 0.5).deploy("svc-1", "env-1", null);

        assertThat(deploymentId).isEqualTo("dep-2");
    }

    @Test
    void graphqlErrorsOn200AreNotFoundForAMissingIdAndRejectedForBadInput() {
        railway.answer(200, """
                {"errors":[{"message":"Deployment not found","extensions":{"traceId":"tr-1"}}],"data":null}""")
                .answer(200, """
                {"errors":[{"message":"Invalid memory","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}""");
        RailwayClient client = client();

        RailwayException.NotFound notFound =
                catchThrowableOfType(RailwayException.NotFound.class, () -> client.deployment("nope"));
        RailwayException.Rejected rejected = catchThrowableOfType(RailwayException.Rejected.class,
                () -> client.updateLimits(new LimitsUpdate("svc-1", "env-1", Map.of("memoryGB", 99.0))));

        assertThat(notFound.traceId()).contains("tr-1");
        assertThat(rejected.code()).contains("BAD_USER_INPUT");
        assertThat(railway.received()).hasSize(2);
    }

    @Test
    void http400ValidationIsRejectedAndNotRetried() {
        railway.answer(400, """
                {"errors":[{"message":"Unknown argument","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}""");

        catchThrowableOfType(RailwayException.Rejected.class, () -> client().workflowStatus("wf-1"));

        assertThat(railway.received()).hasSize(1);
    }

    @Test
    void aStaleEnvironmentBaseIsAConflict() {
        railway.answer(200, """
                {"errors":[{"message":"stale","extensions":{"code":"STALE_ENVIRONMENT_BASE"}}],"data":null}""");

        RailwayException.Conflict conflict = catchThrowableOfType(RailwayException.Conflict.class,
                () -> client().commitPatch("env-1", json.createObjectNode(), "switchman: apply abc123"));

        assertThat(conflict.code()).contains("STALE_ENVIRONMENT_BASE");
        assertThat(railway.received()).hasSize(1);
    }

    @Test
    void everyPageOfServiceInstancesIsFollowedAndMerged() throws IOException {
        railway.answer(200, environmentPage("api", true, "cursor-1"))
                .answer(200, environmentPage("worker", false, "cursor-2"));

        JsonNode environment = client().environmentState("env-1");

        assertThat(environment.path("serviceInstances").path("edges").findValuesAsText("serviceName"))
                .containsExactly("api", "worker");
        assertThat(environment.path("configEtag").asText()).isEqualTo("etag-1");
        JsonNode secondRequest = json.readTree(railway.received().get(1).body());
        assertThat(secondRequest.path("variables").path("after").asText()).isEqualTo("cursor-1");
        assertThat(secondRequest.path("operationName").asText()).isEqualTo("EnvironmentState");
    }

    @Test
    void deploymentEventsFollowTheirPagesInTimeOrderAndStopWhenTheCursorDoesNotAdvance() {
        railway.answer(200, eventsPage("ev-2", "PRE_DEPLOY_COMMAND", "2026-11-21T08:00:20Z", "relation missing",
                true, "cursor-1"))
                .answer(200, eventsPage("ev-1", "BUILD_IMAGE", "2026-11-21T08:00:00Z", null, true, "cursor-1"));

        List<DeploymentEvent> events = client().deploymentEvents("dep-1");

        assertThat(events).extracting(DeploymentEvent::step).containsExactly("BUILD_IMAGE", "PRE_DEPLOY_COMMAND");
        assertThat(events.get(1).failed()).isTrue();
        assertThat(events.get(1).error()).isEqualTo("relation missing");
        assertThat(railway.received()).hasSize(2);
    }

    private static String eventsPage(String id, String step, String createdAt, String error, boolean hasNextPage,
            String cursor) {
        return """
                {"data":{"deploymentEvents":{"pageInfo":{"hasNextPage":%s,"endCursor":"%s"},
                  "edges":[{"cursor":"%s","node":{"id":"%s","step":"%s","createdAt":"%s","completedAt":"%s",
                    "payload":{"error":%s}}}]}}}"""
                .formatted(hasNextPage, cursor, cursor, id, step, createdAt, createdAt,
                        error == null ? "null" : "\"" + error + "\"");
    }

    @Test
    void aProjectTokenIsSentAloneInProjectAccessToken() {
        railway.answer(200, DEPLOYMENT);

        client(StandaloneRailwayConfig.withTokens("proj-tok", "acct-tok")).deployment("dep-1");

        Map<String, List<String>> headers = railway.received().get(0).headers();
        assertThat(headers.get("Project-access-token")).containsExactly("proj-tok");
        assertThat(headers).doesNotContainKey("Authorization");
    }

    @Test
    void anAccountTokenIsSentAloneAsBearer() {
        railway.answer(200, DEPLOYMENT);

        client(StandaloneRailwayConfig.withTokens(null, "acct-tok")).deployment("dep-1");

        Map<String, List<String>> headers = railway.received().get(0).headers();
        assertThat(headers.get("Authorization")).containsExactly("Bearer acct-tok");
        assertThat(headers).doesNotContainKey("Project-access-token");
    }

    @Test
    void withoutATokenNothingIsSentAndTheErrorSaysWhatToSet() {
        RailwayException.Unauthorized failure = catchThrowableOfType(RailwayException.Unauthorized.class,
                () -> client(StandaloneRailwayConfig.withTokens(null, null)).deployment("dep-1"));

        assertThat(failure.getMessage()).contains("RAILWAY_TOKEN").contains("RAILWAY_API_TOKEN");
        assertThat(railway.received()).isEmpty();
    }

    @Test
    void theBudgetFollowsWhatRailwayReportsAsRemaining() {
        railway.answer(200, DEPLOYMENT, Map.of("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "600"));

        client().deployment("dep-1");

        assertThat(registry.get("switchman.railway.budget.remaining").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void aRollbackFindsTheDeploymentItCreated() {
        railway.answer(200, deployments("dep-bad", "dep-good"))
                .answer(200, """
                        {"data":{"deploymentRollback":true}}""")
                .answer(200, deployments("dep-bad", "dep-good", "dep-rolled-back"));
        Deployment good = new Deployment("dep-good", "svc-1", "env-1", "REMOVED", null, null, true, true, false,
                null, null);

        Rollback rollback = client().rollback(good);

        assertThat(rollback.accepted()).isTrue();
        assertThat(rollback.found()).map(Deployment::id).contains("dep-rolled-back");
    }

    @Test
    void deploymentsAreListedNewestFirstWhateverRailwayOrder() {
        railway.answer(200, deployments("dep-a", "dep-b", "dep-c"));

        assertThat(client().deployments("svc-1", "env-1", 10)).extracting(Deployment::id)
                .containsExactly("dep-c", "dep-b", "dep-a");
    }

    @Test
    void topologyFollowsEachConnectionToItsEnd() throws IOException {
        railway.answer(200, """
                {"data":{"project":{"id":"prj-1","name":"django-api","workspaceId":"ws-1",
                  "environments":{"pageInfo":{"hasNextPage":false,"endCursor":"e1"},
                    "edges":[{"node":{"id":"env-1","name":"production","isEphemeral":false,"unmergedChangesCount":0}}]},
                  "services":{"pageInfo":{"hasNextPage":true,"endCursor":"s1"},
                    "edges":[{"node":{"id":"svc-1","name":"api"}}]}}}}""")
                .answer(200, """
                {"data":{"project":{"id":"prj-1","name":"django-api","workspaceId":"ws-1",
                  "environments":{"pageInfo":{"hasNextPage":false,"endCursor":null},"edges":[]},
                  "services":{"pageInfo":{"hasNextPage":false,"endCursor":"s2"},
                    "edges":[{"node":{"id":"svc-2","name":"worker"}}]}}}}""");

        ProjectTopology topology = client().projectTopology("prj-1");

        assertThat(topology.environment("production")).map(ProjectTopology.Environment::id).contains("env-1");
        assertThat(topology.service("worker")).map(ProjectTopology.Service::id).contains("svc-2");
        assertThat(topology.services()).hasSize(2);
        JsonNode second = json.readTree(railway.received().get(1).body()).path("variables");
        assertThat(second.path("environmentsFirst").asInt()).isZero();
        assertThat(second.path("servicesAfter").asText()).isEqualTo("s1");
    }

    private static String deployments(String... idsOldestFirst) {
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < idsOldestFirst.length; i++) {
            edges.append(i == 0 ? "" : ",").append("""
                    {"node":{"id":"%s","serviceId":"svc-1","environmentId":"env-1","status":"SUCCESS",
                      "createdAt":"2026-09-01T0%d:00:00Z","canRedeploy":true,"canRollback":true,
                      "deploymentStopped":false}}""".formatted(idsOldestFirst[i], i));
        }
        // Railway promises no order: send them shuffled (newest in the middle).
        return "{\"data\":{\"deployments\":{\"edges\":[" + edges + "]}}}";
    }

    private RailwayClient client() {
        return client(StandaloneRailwayConfig.withTokens(null, "acct-tok"));
    }

    private RailwayClient client(StandaloneRailwayConfig config) {
        return new RailwayClient(new JdkHttpTransport(railway.uri()), config, registry, clock, () -> 0.5);
    }

    private double requests(String operation, String outcome) {
        return registry.counter("switchman.railway.requests", "operation", operation, "outcome", outcome).count();
    }

    private static String environmentPage(String serviceName, boolean hasNextPage, String cursor) {
        return """
                {"data":{"environment":{"id":"env-1","name":"production","projectId":"prj-1","configEtag":"etag-1",
                  "unmergedChangesCount":0,"config":{"services":{}},
                  "serviceInstances":{"pageInfo":{"hasNextPage":%s,"endCursor":"%s"},
                    "edges":[{"node":{"id":"si-%s","serviceId":"svc-%s","serviceName":"%s"}}]},
                  "volumeInstances":{"edges":[]}}}}"""
                .formatted(hasNextPage, cursor, serviceName, serviceName, serviceName);
    }
}
