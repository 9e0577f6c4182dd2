package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.source.HubSignature;
import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.Eventually;
import dev.switchman.testing.GitRemote;
import dev.switchman.testing.GitSourceProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GitSourceProfile.class)
class GitWebhookResourceIT {

    private static final String PATH = "/api/v1/webhooks/git";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final GitRemote remote = GitRemote.shared();

    @Inject
    DesiredStateHolder holder;

    @Test
    void aSignedPushToTheBranchIsAcceptedAndItsCommitLoaded() {
        String commit = remote.commit(Map.of("shop/project.yaml", DesiredStateFiles.VALID.get("shop/project.yaml"),
                "shop/staging.yaml", DesiredStateFiles.VALID.get("shop/staging.yaml")));

        delivery("push", push("refs/heads/main"), GitSourceProfile.WEBHOOK_SECRET)
                .post(PATH).then().statusCode(202).body("message", containsString("refs/heads/main"));

        Eventually.until("commit " + commit + " in force", BOUND,
                () -> holder.current().map(state -> state.revision().equals(commit)).orElse(false));
        assertThat(holder.current().orElseThrow().environments()).hasSize(1);
    }

    @Test
    void aBadOrMissingSignatureIsRefused() {
        delivery("push", push("refs/heads/main"), "not-the-secret").post(PATH).then().statusCode(401);
        given().header("X-GitHub-Event", "push").body(push("refs/heads/main")).post(PATH).then().statusCode(401);
        String body = push("refs/heads/main");
        given().header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", HubSignature.sign(GitSourceProfile.WEBHOOK_SECRET,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body + " ").post(PATH).then().statusCode(401);
    }

    @Test
    void aPushToAnotherBranchIsIgnored() {
        delivery("push", push("refs/heads/feature"), GitSourceProfile.WEBHOOK_SECRET)
                .post(PATH).then().statusCode(202).body("message", containsString("ignored"));
    }

    @Test
    void aPingIsAnswered() {
        delivery("ping", "{\"zen\":\"Keep it logically awesome.\"}", GitSourceProfile.WEBHOOK_SECRET)
                .post(PATH).then().statusCode(202).body("message", containsString("pong"));
    }

    private static String push(String ref) {
        return "{\"ref\":\"" + ref + "\",\"after\":\"0000000000000000000000000000000000000000\"}";
    }

    private static RequestSpecification delivery(String event, String body, String secret) {
        return given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-Hub-Signature-256", HubSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)))
                .body(body);
    }
}
