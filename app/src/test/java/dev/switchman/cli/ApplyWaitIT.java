package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFaults;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchman apply --wait} as a user runs it (the packaged application in its own JVM) against the
 * sandbox on a real clock and a real state store: a rollout that passes its checks exits 0, one that
 * degrades is rolled back and exits 1. Both runs start no HTTP listener.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyWaitIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String WEB = """
            apiVersion: switchman.dev/v1alpha1
            kind: Project
            metadata: {name: shop}
            ---
            apiVersion: switchman.dev/v1alpha1
            kind: Environment
            metadata: {name: production, project: shop}
            spec:
              services:
                web:
                  source: {image: "ghcr.io/acme/web:%s"}
                  deploy: {healthcheckPath: /health}
                  verify: {soak: 3s, interval: 1s, failureThreshold: 2, timeout: 2s, checks: [{name: health, path: /health}]}
              policy: {rollback: automatic}
            """;

    @TempDir
    static Path desired;

    @RegisterExtension
    static final TestPostgres store = new TestPostgres();
    private static SandboxServer railway;

    @BeforeAll
    static void start() {
        railway = new SandboxServer(RailwaySandbox.fromFixture(Map.of("seed", "apply-wait", "clock", "real",
                "timings", Map.of("initializingSeconds", 0, "queuedSeconds", 0, "buildSeconds", 1, "deploySeconds", 1),
                "tokens", List.of(Map.of("token", "t", "kind", "account")),
                "projects", List.of(Map.of("name", "shop", "environments", List.of("production")))))).start(0);
    }

    @AfterAll
    static void stop() {
        railway.close();
    }

    private static PackagedCli apply(String version) throws Exception {
        Files.writeString(desired.resolve("production.yaml"), WEB.formatted(version));
        return PackagedCli.run(Map.of("DATABASE_URL", store.databaseUrl(TestPostgres.STORE),
                "RAILWAY_API_URL", railway.url() + "/graphql/v2", "RAILWAY_API_TOKEN", "t",
                "SWITCHMAN_DESIRED_DIR", desired.toString(),
                "SWITCHMAN_ROLLOUT_DOMAIN_BASE_URL", railway.url() + "/apps/",
                "SWITCHMAN_ROLLOUT_POLL_INTERVAL", "1s"), LIMIT, "apply", "--env", "shop/production", "--yes", "--wait",
                "--timeout", "2m");
    }

    private static Map<String, Object> app() {
        RailwaySandbox sandbox = railway.sandbox();
        String environment = sandbox.environmentId("shop", "production");
        return sandbox.app(sandbox.domain(environment, sandbox.serviceId("shop", "web")), "/health").body();
    }

    @Test
    @Order(1)
    void aRolloutThatPassesItsChecksIsFollowedToItsVerdictAndExitsZero() throws Exception {
        PackagedCli run = apply("1.0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("rollout #1 of ").contains("  web: deployment ")
                .contains("VERIFYING").contains("VERIFIED").contains("shop/production: rollout #1 verified; converged at");
        assertThat(run.out() + run.err()).doesNotContain("Listening on");
        assertThat(app()).containsEntry("image", "ghcr.io/acme/web:1.0");
    }

    @Test
    @Order(2)
    void aRolloutThatDegradesIsRolledBackAndExitsOne() throws Exception {
        RailwaySandbox sandbox = railway.sandbox();
        sandbox.faults().nextDeployment(sandbox.serviceId("shop", "web"), SandboxFaults.DeploymentFault.DEGRADE, 0);

        PackagedCli run = apply("2.0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("rollout #2 of ").contains("rolled back to")
                .contains("shop/production: rollout #2 RolledBack; RevisionQuarantined");
        assertThat(app()).containsEntry("image", "ghcr.io/acme/web:1.0");
    }
}
