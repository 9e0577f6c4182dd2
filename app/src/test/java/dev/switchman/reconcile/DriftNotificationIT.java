package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drift notifications end to end: the reconciler on the sandbox reports a dashboard edit, the notifier
 * delivers it to a real local webhook (and to Slack's format), deduplicated, closed by "corrected", without
 * secret values, and a receiver that hangs never holds up a reconcile.
 */
class DriftNotificationIT extends SandboxReconcileIT {

    private static final String SPEC = """
            services:
              api:
                source: {image: "ghcr.io/acme/api:1.0"}
                deploy: {healthcheckPath: /health}
                variables:
                  API_KEY: {secretRef: API_KEY}
            policy:
              drift: %s
            notifications:
              - webhook: {url: {secretRef: HOOK_URL}}
              - slack: {webhookUrl: {secretRef: HOOK_URL}}
                events: [driftDetected]
            """;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        h.notifier.close();
        receiver.close();
    }

    private DesiredEnvironment convergedThenEdited(String drift) {
        h.secrets = Map.of("API_KEY", "s3cret-value", "HOOK_URL", receiver.url());
        h.notifier = new Notifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(10), 100, 2), h::environment,
                name -> Optional.ofNullable(h.secrets.get(name)), h.notifications, h.registry);
        DesiredEnvironment desired = h.desire(SPEC.formatted(drift));
        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"),
                Map.of("deploy", Map.of("healthcheckPath", "/hacked"),
                        "variables", Map.of("API_KEY", Map.of("value", "s3cret-value-edited"))))));
        return desired;
    }

    private List<JsonNode> received() throws Exception {
        assertThat(h.notifier.awaitQuiet(Duration.ofSeconds(20))).isTrue();
        return receiver.json();
    }

    @Test
    void selfHealSendsDetectedThenCorrectedOnce() throws Exception {
        DesiredEnvironment desired = convergedThenEdited("selfHeal");

        h.reconcile(desired);
        h.sandbox.advance(Duration.ofMinutes(2));
        h.reconcile(desired);

        List<JsonNode> messages = received();
        assertThat(messages).extracting(m -> m.has("kind") ? "webhook " + m.get("kind").asText() : "slack")
                .containsExactlyInAnyOrder("webhook driftDetected", "slack", "webhook driftCorrected");
        JsonNode detected = messages.stream().filter(m -> m.path("kind").asText().equals("driftDetected"))
                .findFirst().orElseThrow();
        assertThat(detected.get("environment").asText()).isEqualTo("production");
        assertThat(detected.get("reason").asText()).contains("service.api.deploy.healthcheckPath",
                "variable.api.API_KEY", "selfHeal");
        assertThat(receiver.bodies()).noneMatch(body -> body.contains("s3cret-value"));
        assertThat(h.notifications.deliveries("shop/production", 10)).extracting(d -> d.target() + " " + d.result())
                .containsExactlyInAnyOrder("webhook#0 delivered", "slack#1 delivered", "webhook#0 delivered");
    }

    @Test
    void reportOnlyDriftIsSentOnceHoweverOftenItIsSeen() throws Exception {
        DesiredEnvironment desired = convergedThenEdited("reportOnly");

        for (int i = 0; i < 3; i++) {
            h.reconcile(desired);
        }

        assertThat(received()).extracting(m -> m.path("kind").asText("slack"))
                .containsExactlyInAnyOrder("driftDetected", "slack");
    }

    /** Requests may take 10 minutes here: a reconcile that waited for its notifications would time out. */
    @Test
    @Timeout(60)
    void aHangingReceiverDoesNotHoldUpTheReconcile() throws Exception {
        DesiredEnvironment desired = convergedThenEdited("selfHeal");
        receiver.hold();

        ReconcileOutcome outcome = h.reconcile(desired);
        receiver.release();

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Progressing.class);
        assertThat(received()).hasSize(3);
    }
}
