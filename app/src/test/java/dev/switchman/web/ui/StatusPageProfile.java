package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayClient;
import dev.switchman.railway.StandaloneRailwayConfig;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.RealClockSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon as {@code serve --sandbox} runs it, with rollouts followed and verified against the sandbox's apps:
 * project {@code shop} ({@code production}, {@code staging}), whose {@code web} service soaks for a few seconds
 * and carries a secret whose value is a canary no page may show.
 */
public class StatusPageProfile implements QuarkusTestProfile {

    static final Path DESIRED = Path.of("target/status-page-it/desired-state");
    static final Path SECRETS = Path.of("target/status-page-it/secrets");
    static final String SANDBOX_URL = "status-page-it.sandbox-url";
    static final String API_TOKEN = "status-page-it-api-token-5d1c";
    static final String CANARY = "canary-secret-value-9f27c4e1";
    static final String TOKEN = "status-page-it-token";

    /** The project: web checks /health every 2 s for a 12 s soak and fails after two failed rounds in a row. */
    static final String PROJECT = """
            apiVersion: switchman.dev/v1alpha1
            kind: Project
            metadata: { name: shop }
            spec:
              defaults:
                policy: { drift: selfHeal, rollback: automatic, interval: 60s }
                services:
                  web:
                    source: { image: "ghcr.io/acme/web:1.0" }
                    deploy: { healthcheckPath: /health }
                    variables:
                      API_KEY: { secretRef: SHOP_API_KEY }
                    verify:
                      soak: 12s
                      interval: 2s
                      failureThreshold: 2
                      timeout: 2s
                      checks:
                        - { name: health, path: /health, expectStatus: [200] }
            """;

    static final String STAGING = """
            apiVersion: switchman.dev/v1alpha1
            kind: Environment
            metadata: { name: staging, project: shop }
            spec: {}
            """;

    /** Production running {@code web} at {@code version}. */
    static String production(String version) {
        return """
                apiVersion: switchman.dev/v1alpha1
                kind: Environment
                metadata: { name: production, project: shop }
                spec:
                  services:
                    web:
                      source: { image: "ghcr.io/acme/web:%s" }
                """.formatted(version);
    }

    static Map<String, String> files(String production) {
        return Map.of("shop/project.yaml", PROJECT, "shop/staging.yaml", STAGING, "shop/production.yaml", production);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("switchman.desired.dir", DESIRED.toString());
        config.put("switchman.desired.poll-interval", "500ms");
        config.put("switchman.secrets.dir", SECRETS.toString());
        config.put("switchman.sandbox.enabled", "true");
        config.put("switchman.reconcile.enabled", "true");
        config.put("switchman.reconcile.tick-interval", "200ms");
        config.put("switchman.railway.requests-per-hour", "10000");
        config.put("switchman.railway.requests-per-second", "50");
        config.put("switchman.rollout.poll-interval", "1s");
        config.put("switchman.api.token", API_TOKEN);
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Sandbox.class));
    }

    /** The value Railway (the sandbox) holds for a service's variable. */
    static String railwayVariable(String environment, String service, String variable) {
        RailwayApi railway = RailwayClient.standalone(StandaloneRailwayConfig.fromEnvironment(Map.of(
                "RAILWAY_API_URL", System.getProperty(SANDBOX_URL) + "/graphql/v2",
                "RAILWAY_API_TOKEN", TOKEN)));
        String environmentId = railway.projectTopology(railway.findProjectId("shop").orElseThrow())
                .environment(environment).map(ProjectTopology.Environment::id).orElseThrow();
        return RailwayEnvironmentParser.parse(railway.environmentState(environmentId)).services().get(service)
                .variables().get(variable).value();
    }

    /** Calls the sandbox's admin route {@code action} (a fault, a dashboard edit) with a JSON body. */
    static void sandboxAdmin(String action, String body) {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            System.getProperty(SANDBOX_URL) + "/sandbox/admin/" + action))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Writes the desired state and the secret, and starts the sandbox on a real clock with short deploys. */
    public static final class Sandbox implements QuarkusTestResourceLifecycleManager {

        private SandboxServer server;

        @Override
        public Map<String, String> start() {
            DesiredStateFiles.replace(DESIRED, files(production("1.0")));
            try {
                Files.createDirectories(SECRETS);
                Files.writeString(SECRETS.resolve("SHOP_API_KEY"), CANARY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = RealClockSandbox.start("status-page-it", TOKEN, Map.of("shop", List.of("production", "staging")));
            System.setProperty(SANDBOX_URL, server.url());
            Map<String, String> config = new LinkedHashMap<>(RealClockSandbox.railwayConfig(server, TOKEN));
            config.put("switchman.rollout.domain-base-url", server.url() + "/apps/");
            return config;
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
