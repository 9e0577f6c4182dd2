package dev.switchman.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.NotificationTarget;
import dev.switchman.desired.Policy;
import dev.switchman.desired.VariableValue;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.redaction.Redactor;
import dev.switchman.store.NotificationDelivery;
import dev.switchman.store.NotificationRepository;
import dev.switchman.testing.TestPostgres;
import dev.switchman.testing.WebhookReceiver;
import dev.switchman.testing.WebhookReceiver.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notifier against real local HTTP receivers and a real PostgreSQL (alert states, delivery log). */
class NotifierIT {

    private static final String ENV = "shop/production";
    private static final String SECRET = "sk-live-do-not-leak-42";
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final NotifySettings FAST = new NotifySettings(true, 3, Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, 2);

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final Map<String, String> secrets = new HashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private NotificationRepository store;
    private List<NotificationTarget> targets;
    private Notifier notifier;

    @BeforeEach
    void setUp() throws Exception {
        postgres.truncateStore();
        store = new NotificationRepository(postgres.store());
        secrets.put("HOOK_URL", receiver.url());
        secrets.put("API_KEY", SECRET);
        targets = List.of(new NotificationTarget.Webhook(new VariableValue.SecretRef("HOOK_URL"), List.of()));
        notifier = newNotifier(FAST);
    }

    @AfterEach
    void tearDown() {
        notifier.close();
        receiver.close();
    }

    private Notifier newNotifier(NotifySettings settings) {
        return new Notifier(settings, name -> Optional.of(environment()), name -> Optional.ofNullable(secrets.get(name)),
                store, registry);
    }

    private DesiredEnvironment environment() {
        return new DesiredEnvironment("shop", "production", null, Map.of(),
                Map.of("API_KEY", new VariableValue.SecretRef("API_KEY")), Map.of(), Policy.DEFAULT,
                new SourceLocation("production.yaml", 1, 1), null, targets);
    }

    private static Notification health(NotificationKind kind, String reason) {
        return Notification.of(ENV, "api", kind, "deployment-1", reason, Map.of("check", "health"));
    }

    private void quiet() throws InterruptedException {
        assertThat(notifier.awaitQuiet(BOUND)).as("notifier quiet").isTrue();
    }

    private List<JsonNode> received() {
        return receiver.json();
    }

    private List<NotificationDelivery> log() {
        return store.deliveries(ENV, 50);
    }

    private double counter(String target, String result) {
        var counter = registry.find("switchman.notifications").tag("target", target).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFlappingStateIsSentOnceAndRecoveredClosesTheAlertEvenAfterARestart() throws Exception {
        notifier.notify(health(NotificationKind.SERVICE_RECOVERED, "fine"));
        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        quiet();
        notifier.close();
        notifier = newNotifier(FAST);
        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        notifier.notify(health(NotificationKind.SERVICE_RECOVERED, "check health: HTTP 200"));
        notifier.notify(health(NotificationKind.SERVICE_RECOVERED, "check health: HTTP 200"));
        quiet();

        assertThat(received()).extracting(body -> body.get("kind").asText() + " " + body.get("alert").asText())
                .containsExactly("serviceDegraded open", "serviceRecovered closed");
        assertThat(received().get(0).get("reason").asText()).isEqualTo("check health: HTTP 503");
        assertThat(counter("webhook", "delivered")).isEqualTo(2);
        assertThat(counter("webhook", "deduplicated")).isEqualTo(4);
    }

    @Test
    void aFailedRolloutIsToldOnceWithRailwaysReasonThenItsRollbackAndQuarantine() throws Exception {
        Notification failed = RolloutNotices.rolloutFailed(ENV, "api", "rev-2", "dep-9",
                "Healthcheck failed: /health returned 503", "rollout-1");

        notifier.notify(failed);
        notifier.notify(failed);
        notifier.notify(RolloutNotices.rolledBack(ENV, "api", "rev-2", "dep-8", "dep-10", false, "verdict failed",
                "rollout-1"));
        notifier.notify(RolloutNotices.quarantined(ENV, "rev-2", "api failed its healthcheck", "rollout-1"));
        notifier.notify(RolloutNotices.quarantined(ENV, "rev-2", "api failed its healthcheck", "rollout-1"));
        quiet();

        assertThat(received()).extracting(body -> body.get("kind").asText() + " " + body.get("service").asText())
                .containsExactly("rolloutFailed api", "rolledBack api", "quarantined null");
        assertThat(received().get(0).get("reason").asText()).isEqualTo("api: Healthcheck failed: /health returned 503");
    }

    @Test
    void theSameRevisionFailingAgainAfterARetryIsANewIncidentWithItsOwnId() throws Exception {
        notifier.notify(RolloutNotices.quarantined(ENV, "rev-2", "api failed its healthcheck", "rollout-1"));
        notifier.notify(RolloutNotices.rolloutStarted(ENV, "rev-2", Map.of("api", "dep-11"), "rollout-2"));
        notifier.notify(RolloutNotices.quarantined(ENV, "rev-2", "api failed its healthcheck", "rollout-2"));
        quiet();

        assertThat(received()).filteredOn(body -> body.get("kind").asText().equals("quarantined")).hasSize(2)
                .extracting(body -> body.get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void a500IsRetriedUntilDelivered() throws Exception {
        receiver.thenReply(new Reply(500, Map.of()), new Reply(503, Map.of()));

        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        quiet();

        assertThat(receiver.bodies()).hasSize(3).containsOnly(receiver.bodies().get(0));
        assertThat(log()).singleElement().satisfies(d -> {
            assertThat(d.result()).isEqualTo("delivered");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.httpStatus()).isEqualTo(200);
            assertThat(d.waitsMillis()).containsExactly(10L, 20L);
        });
    }

    @Test
    void a429IsRetriedAfterTheWaitTheReceiverAsksFor() throws Exception {
        receiver.thenReply(new Reply(429, Map.of("Retry-After", "1")));

        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        quiet();

        assertThat(receiver.bodies()).hasSize(2);
        assertThat(log()).singleElement().satisfies(d -> {
            assertThat(d.result()).isEqualTo("delivered");
            assertThat(d.waitsMillis()).containsExactly(1000L);
        });
    }

    @Test
    void aDeadReceiverFailsAfterBoundedAttemptsAndA4xxIsNotRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        secrets.put("HOOK_URL", "http://127.0.0.1:" + closedPort + "/hook");
        notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "check health: HTTP 503"));
        quiet();
        secrets.put("HOOK_URL", receiver.url());
        receiver.thenReply(new Reply(404, Map.of()));
        notifier.notify(health(NotificationKind.ROLLOUT_FAILED, "build failed"));
        quiet();

        assertThat(log()).extracting(d -> d.kind() + " " + d.result() + " " + d.attempts())
                .containsExactly("rolloutFailed rejected 1", "serviceDegraded failed 3");
        assertThat(log().get(1).error()).doesNotContain(String.valueOf(closedPort));
        assertThat(counter("webhook", "failed")).isEqualTo(1);
    }

    /** Requests may take 10 minutes here: a caller that waited for delivery would time out. */
    @Test
    @Timeout(60)
    void aReceiverThatHangsNeverHoldsUpTheCaller() throws Exception {
        notifier.close();
        notifier = newNotifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(10), 100, 2));
        receiver.hold();

        for (int i = 0; i < 5; i++) {
            notifier.notify(health(NotificationKind.SERVICE_DEGRADED, "failure " + i).withStateKey("d" + i));
        }
        receiver.release();
        quiet();

        assertThat(receiver.bodies()).hasSize(5);
    }

    @Test
    void slackGetsTextAndBlocksAndNoSecretValueLeavesTheDaemon() throws Exception {
        targets = List.of(new NotificationTarget.Slack(new VariableValue.SecretRef("HOOK_URL"), List.of()),
                new NotificationTarget.Webhook(new VariableValue.SecretRef("HOOK_URL"), List.of("rolloutFailed")));

        notifier.notify(Notification.of(ENV, "api", NotificationKind.SERVICE_DEGRADED, "d1",
                "GET https://api.example.com/?key=" + SECRET + " answered 503", Map.of("url", "?key=" + SECRET)));
        quiet();

        assertThat(receiver.bodies()).singleElement().satisfies(body -> assertThat(body)
                .doesNotContain(SECRET, "t0k3n-in-the-path").contains(Redactor.HIDDEN));
        JsonNode slack = received().get(0);
        assertThat(slack.get("text").asText()).startsWith(":rotating_light: *Service degraded*");
        assertThat(slack.get("blocks")).hasSize(2);
    }
}
