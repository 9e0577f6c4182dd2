package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxFixtureTest {

    private static final Path DEMO = Path.of("src/test/resources/sandbox/demo-fixture.yaml");

    @Test
    void yamlFixtureSeedsStateTokensTimingsAndFaults() {
        RailwaySandbox sandbox = RailwaySandbox.fromFixture(DEMO);
        String staging = sandbox.environmentId("shop", "staging");
        String web = sandbox.serviceId("shop", "web");
        assertThat(sandbox.deployments(staging, web)).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("SUCCESS"));
        assertThat(sandbox.deployments(staging, sandbox.serviceId("shop", "draft"))).isEmpty();
        RailwaySandbox.Response vars = sandbox.graphql("query($p: String!, $e: String!, $s: String) { variables(projectId: $p, environmentId: $e, serviceId: $s) }",
                Map.of("p", sandbox.projectId("shop"), "e", staging, "s", web), null, null, "proj");
        assertThat(Json.map(Json.at(vars.body(), "data.variables"))).containsEntry("PORT", "3000").containsEntry("DEBUG", "1");
        sandbox.graphql("mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }",
                Map.of("s", web, "e", staging), null, null, "proj");
        sandbox.advance(Duration.ofSeconds(11));
        assertThat(sandbox.deployments(staging, web).get(0).status()).isEqualTo("BUILDING");
        sandbox.advance(Duration.ofSeconds(1));
        assertThat(sandbox.deployments(staging, web)).extracting(RailwaySandbox.DeploymentInfo::status).containsExactly("FAILED", "SUCCESS");
    }

    @Test
    void idsAreDeterministicFromSeedAndNames() {
        RailwaySandbox a = RailwaySandbox.fromFixture(DEMO);
        RailwaySandbox b = RailwaySandbox.fromFixture(DEMO);
        assertThat(a.serviceId("shop", "web")).isEqualTo(b.serviceId("shop", "web")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String env = a.environmentId("shop", "production");
        assertThat(a.deployments(env, a.serviceId("shop", "web")).get(0).id())
                .isEqualTo(b.deployments(env, b.serviceId("shop", "web")).get(0).id());
        RailwaySandbox other = SandboxFixture.create().set("seed", "other").project("shop", p -> p.service("web", s -> s.image("x"))).build();
        assertThat(other.serviceId("shop", "web")).isNotEqualTo(a.serviceId("shop", "web"));
    }

    @Test
    void realClockCannotBeAdvanced() {
        RailwaySandbox sandbox = SandboxFixture.create().set("clock", "real").build();
        assertThat(sandbox.clock().isReal()).isTrue();
        assertThatThrownBy(() -> sandbox.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
}
