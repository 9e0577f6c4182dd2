package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.switchman.source.HubSignature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The default configuration: directory mode, no webhook secret. */
@QuarkusTest
class GitWebhookDisabledIT {

    @Test
    void withoutASecretTheWebhookDoesNotExist() {
        String body = "{\"ref\":\"refs/heads/main\"}";
        given().header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", HubSignature.sign("any", body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/api/v1/webhooks/git")
                .then().statusCode(404).body("message", containsString("SWITCHMAN_WEBHOOK_SECRET"));
    }
}
