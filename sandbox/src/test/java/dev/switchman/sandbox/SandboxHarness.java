package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small shop project on a virtual clock, and helpers to query it as an account-token client. */
final class SandboxHarness {

    static final String TOKEN = "account-token";
    final RailwaySandbox sandbox;
    final String projectId;
    final String production;
    final String staging;
    final String api;
    final String worker;

    SandboxHarness(SandboxFixture fixture) {
        this.sandbox = fixture.build();
        this.projectId = sandbox.projectId("shop");
        this.production = sandbox.environmentId("shop", "production");
        this.staging = sandbox.environmentId("shop", "staging");
        this.api = sandbox.serviceId("shop", "api");
        this.worker = sandbox.serviceId("shop", "worker");
    }

    SandboxHarness() {
        this(shop());
    }

    static SandboxFixture shop() {
        return SandboxFixture.create()
                .accountToken(TOKEN)
                .workspaceToken("workspace-token", "acme")
                .projectToken("project-token", "shop", "staging")
                .project("shop", p -> p.set("workspace", "acme").environments("production", "staging")
                        .sharedVariable("REGION", "eu")
                        .service("api", s -> s.image("ghcr.io/acme/api:1.0").variable("PORT", "8080")
                                .variable("DB_REGION", "${{shared.REGION}}").sealedVariable("API_KEY", "s3cret")
                                .setting("healthcheckPath", "/health").setting("overlapSeconds", 10))
                        .service("worker", s -> s.repo("acme/worker", "main").variable("API_PORT", "${{api.PORT}}")));
    }

    RailwaySandbox.Response call(String query, Map<String, Object> variables) {
        return sandbox.graphql(query, variables, null, "Bearer " + TOKEN, null);
    }

    /** Runs a document that must succeed and returns its data. */
    Map<String, Object> data(String query, Map<String, Object> variables) {
        RailwaySandbox.Response r = call(query, variables);
        assertThat(r.body().get("errors")).as("errors of %s", query).isNull();
        assertThat(r.status()).isEqualTo(200);
        return Json.map(r.body().get("data"));
    }

    Map<String, Object> data(String query) {
        return data(query, Map.of());
    }

    void advance(long seconds) {
        sandbox.advance(Duration.ofSeconds(seconds));
    }

    List<String> statuses(String environmentId, String serviceId) {
        return sandbox.deployments(environmentId, serviceId).stream().map(RailwaySandbox.DeploymentInfo::status).toList();
    }

    RailwaySandbox.DeploymentInfo latest(String environmentId, String serviceId) {
        return sandbox.deployments(environmentId, serviceId).get(0);
    }
}
