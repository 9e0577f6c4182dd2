package dev.switchman.daemon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayClient;
import dev.switchman.railway.StandaloneRailwayConfig;
import dev.switchman.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole loop, as a newcomer runs it: the daemon converges the worked examples on an empty
 * sandbox, heals drift in production and only reports it in staging (reportOnly there).
 */
@QuarkusTest
@TestProfile(SandboxDaemonProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxDaemonIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Test
    @Order(1)
    void everyExampleEnvironmentConvergesFromAnEmptyProject() {
        Eventually.until("all four example environments Ready at the desired revision", CONVERGE, this::allReady);

        ObservedEnvironment production = observe("django-api", "production");
        assertThat(production.services().keySet()).containsExactlyInAnyOrder("backend", "postgres", "redis");
        ObservedService backend = production.services().get("backend");
        assertThat(backend.settings()).containsEntry("source.branch", "main").containsEntry("deploy.numReplicas", 2)
                .containsEntry("deploy.restartPolicyMaxRetries", 3);
        assertThat(backend.variables().get("DATABASE_URL").value()).isEqualTo("${{postgres.DATABASE_URL}}");
        assertThat(observe("django-api", "staging").services().get("backend").settings())
                .containsEntry("source.branch", "develop");
        assertThat(observe("ticketing", "production").services()).containsKeys("auth", "tickets", "workflow-api",
                "notifications", "postgres");
        assertThat(production.services().get("postgres").volume().backupSchedules()).containsExactly("DAILY");
    }

    @Test
    @Order(2)
    void driftInProductionIsRevertedAndDriftInStagingIsOnlyReported() throws Exception {
        Eventually.until("converged", CONVERGE, this::allReady);
        dashboardEdit("django-api", "production", "backend", 42);
        dashboardEdit("django-api", "staging", "backend", 42);
        // the examples look for drift every 60 s; ask for a run now, as an operator would
        for (String environment : new String[] {"django-api/production", "django-api/staging"}) {
            given().header("Authorization", "Bearer " + SandboxDaemonProfile.API_TOKEN)
                    .post("/api/v1/environments/{name}/reconcile", environment).then().statusCode(202);
        }

        Eventually.until("production's healthcheckTimeout back to 300", CONVERGE,
                () -> Integer.valueOf(300).equals(timeout("production")));
        Eventually.until("staging reports the drift", CONVERGE, () -> detail("django-api/staging")
                .path("drift").toString().contains("service.backend.deploy.healthcheckTimeout"));
        assertThat(timeout("staging")).isEqualTo(42);
        JsonNode history = JSON.readTree(given().get("/api/v1/environments/{name}/history", "django-api/production").asString());
        assertThat(history.path("events").toString()).contains("DriftDetected");
    }

    private boolean allReady() {
        try {
            JsonNode list = JSON.readTree(given().get("/api/v1/environments").asString());
            int ready = 0;
            for (JsonNode environment : list) {
                boolean atRevision = environment.path("revision").asText()
                        .equals(environment.path("reconciledRevision").asText());
                ready += atRevision && "True".equals(environment.path("conditions").path("Ready").asText()) ? 1 : 0;
            }
            return ready == 4;
        } catch (IOException notYet) {
            return false;
        }
    }

    private JsonNode detail(String name) {
        try {
            return JSON.readTree(given().get("/api/v1/environments/{name}", name).asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Integer timeout(String environment) {
        Object value = observe("django-api", environment).services().get("backend").settings()
                .get("deploy.healthcheckTimeout");
        return value == null ? null : ((Number) value).intValue();
    }

    private static RailwayApi railway() {
        return RailwayClient.standalone(StandaloneRailwayConfig.fromEnvironment(Map.of(
                "RAILWAY_API_URL", System.getProperty(SandboxDaemonProfile.SANDBOX_URL) + "/graphql/v2",
                "RAILWAY_API_TOKEN", SandboxDaemonProfile.TOKEN)));
    }

    private static ObservedEnvironment observe(String project, String environment) {
        RailwayApi railway = railway();
        String projectId = railway.findProjectId(project).orElseThrow();
        String environmentId = railway.projectTopology(projectId).environment(environment)
                .map(ProjectTopology.Environment::id).orElseThrow();
        return RailwayEnvironmentParser.parse(railway.environmentState(environmentId));
    }

    /** Someone changes the backend's healthcheck timeout in Railway's dashboard. */
    private static void dashboardEdit(String project, String environment, String service, int timeout)
            throws IOException, InterruptedException {
        String serviceId = observe(project, environment).services().get(service).serviceId();
        String body = JSON.writeValueAsString(Map.of("project", project, "environment", environment,
                "patch", Map.of("services", Map.of(serviceId, Map.of("deploy", Map.of("healthcheckTimeout", timeout))))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(System.getProperty(SandboxDaemonProfile.SANDBOX_URL) + "/sandbox/admin/dashboard-edit"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }
}
