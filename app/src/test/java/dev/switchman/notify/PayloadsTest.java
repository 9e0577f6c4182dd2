package dev.switchman.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    private final Notification failed = new Notification("shop/production", "api", NotificationKind.ROLLOUT_FAILED,
            "rev-1", "check health failed: HTTP 503 <from api>", Map.of("revision", "rev-1", "check", "health"),
            Instant.parse("2026-11-21T06:00:00Z"));

    @Test
    void theWebhookPayloadIsTheDocumentedContract() {
        assertThat(Payloads.webhook(failed).toString()).isEqualTo("{\"schema\":\"switchman.dev/notification/v1\","
                + "\"id\":\"" + Payloads.id(failed) + "\",\"kind\":\"rolloutFailed\",\"title\":\"Rollout failed\","
                + "\"severity\":\"critical\",\"alert\":\"open\",\"project\":\"shop\",\"environment\":\"production\","
                + "\"service\":\"api\",\"stateKey\":\"rev-1\",\"reason\":\"check health failed: HTTP 503 <from api>\","
                + "\"occurredAt\":\"2026-11-21T06:00:00Z\",\"details\":{\"check\":\"health\",\"revision\":\"rev-1\"}}");
        assertThat(Payloads.id(failed)).hasSize(24).isEqualTo(Payloads.id(new Notification("shop/production", "api",
                NotificationKind.ROLLOUT_FAILED, "rev-1", "other words", Map.of(), Instant.now())));
    }

    @Test
    void theSlackMessageHasAFallbackTextAndBlocks() {
        var slack = Payloads.slack(failed);

        assertThat(slack.get("text").asText()).isEqualTo(":rotating_light: *Rollout failed*: `shop/production`"
                + " service `api` — check health failed: HTTP 503 <from api>");
        assertThat(slack.get("blocks").get(0).get("text").get("text").asText())
                .endsWith("\ncheck health failed: HTTP 503 &lt;from api&gt;");
        assertThat(slack.get("blocks").get(1).get("elements").get(0).get("text").asText())
                .isEqualTo("*check*: health  ·  *revision*: rev-1");
    }

    @Test
    void retriesBackOffExponentiallyAndHonourRetryAfterWithinBounds() {
        NotifySettings settings = new NotifySettings(true, 5, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 1);

        assertThat(settings.waitBefore(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.waitBefore(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.waitBefore(5, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.waitBefore(2, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.waitBefore(2, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-21T06:00:00Z");

        assertThat(RetryAfter.parse(Optional.of("7"), now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Sat, 21 Nov 2026 06:00:30 GMT"), now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), now)).isEmpty();
    }
}
