package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFixture;
import dev.switchman.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RailwayApi#findProjectId} with the real client against the sandbox over HTTP. */
class ProjectLookupTest {

    private RailwaySandbox sandbox;
    private SandboxServer server;
    private CountingTransport transport;

    private void serve(SandboxFixture fixture) {
        sandbox = fixture.set("rateLimits", Map.of("perHour", 10000, "perSecond", 50)).build();
        server = new SandboxServer(sandbox).start(0);
        transport = new CountingTransport(server.url() + "/graphql/v2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RailwayApi account() {
        return SandboxRailwayClients.create(sandbox, transport, "account-token", new SimpleMeterRegistry());
    }

    private static SandboxFixture shopAndBlog() {
        return SandboxFixture.create().accountToken("account-token").projectToken("project-token", "shop", "production")
                .project("shop", p -> p.set("workspace", "acme"))
                .project("blog", p -> p.set("workspace", "personal"));
    }

    @Test
    void anAccountTokenFindsAProjectByItsExactName() {
        serve(shopAndBlog());

        assertThat(account().findProjectId("blog")).contains(sandbox.projectId("blog"));
        assertThat(account().findProjectId("Blog")).isEmpty();
        assertThat(transport.count("Projects")).isEqualTo(2);
    }

    @Test
    void aProjectTokenReadsItsOwnProjectInOneRequest() {
        serve(shopAndBlog());
        RailwayApi scoped = SandboxRailwayClients.withProjectToken(sandbox, transport, "project-token",
                new SimpleMeterRegistry());

        assertThat(scoped.findProjectId("shop")).contains(sandbox.projectId("shop"));
        assertThat(scoped.findProjectId("blog")).isEmpty();
        assertThat(transport.count("ProjectToken")).isEqualTo(2);
        assertThat(transport.count("Projects")).isZero();
    }

    @Test
    void theProjectIsFoundOnALaterPage() {
        SandboxFixture fixture = SandboxFixture.create().accountToken("account-token");
        for (int i = 0; i < 150; i++) {
            fixture.project("filler-" + i, p -> p.environments("production"));
        }
        serve(fixture.project("shop", p -> p.environments("production")));

        assertThat(account().findProjectId("shop")).contains(sandbox.projectId("shop"));
        assertThat(transport.count("Projects")).isEqualTo(2);
    }

    @Test
    void twoProjectsOfTheSameNameAreAnErrorNamingBoth() {
        serve(SandboxFixture.create().accountToken("account-token")
                .project("shop", p -> p.set("workspace", "acme").set("id", "11111111-1111-4111-8111-111111111111"))
                .project("shop", p -> p.set("workspace", "personal").set("id", "22222222-2222-4222-8222-222222222222")));

        RailwayException.Rejected ambiguous = catchThrowableOfType(RailwayException.Rejected.class,
                () -> account().findProjectId("shop"));

        assertThat(ambiguous.getMessage()).contains("2 projects named shop", "11111111-1111-4111-8111-111111111111",
                "22222222-2222-4222-8222-222222222222", "railwayProjectId");
    }
}
