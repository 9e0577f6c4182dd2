package dev.switchman.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.store.NotificationAlert;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutNoticesTest {

    private static final String ENV = "django-api/production";

    @Test
    void aFailedRolloutCarriesRailwaysReasonAndIsOneAlertForTheEnvironment() {
        Notification failed = RolloutNotices.rolloutFailed(ENV, "backend", "rev-2", "dep-9",
                "Healthcheck failed: /health/detailed/ returned 503", "rollout-7");

        assertThat(failed.service()).isEqualTo("backend");
        assertThat(failed.alertService()).isEmpty();
        assertThat(failed.reason()).isEqualTo("backend: Healthcheck failed: /health/detailed/ returned 503");
        assertThat(failed.details()).containsEntry("service", "backend").containsEntry("deploymentId", "dep-9");
        Optional<NotificationAlert> open = AlertLedger.decide(Optional.empty(), failed);
        assertThat(open.orElseThrow().open()).isTrue();
        Notification succeeded = RolloutNotices.rolloutSucceeded(ENV, "rev-3", Map.of("backend", "dep-10"),
                "rollout-8");
        assertThat(AlertLedger.decide(open, succeeded).orElseThrow().open()).isFalse();
    }

    @Test
    void aDegradedServiceNamesTheCheckAndItsStatusAndRecoveredClosesIt() {
        Notification degraded = RolloutNotices.serviceDegraded(ENV, "backend", "rev-2", "health-detailed", 503,
                "redis is down", "rollout-7");

        assertThat(degraded.reason()).isEqualTo("check health-detailed answered HTTP 503: redis is down");
        Optional<NotificationAlert> open = AlertLedger.decide(Optional.empty(), degraded);
        assertThat(AlertLedger.decide(open, degraded)).isEmpty();
        assertThat(AlertLedger.decide(open, RolloutNotices.serviceRecovered(ENV, "backend", "rev-2"))).isPresent();
    }

    @Test
    void aCrashAfterTheSoakHasNoCheckAndStillMakesANotification() {
        Notification crashed = RolloutNotices.serviceDegraded(ENV, "backend", "rev-2", null, 0,
                "Railway: deployment CRASHED after it was verified", "deployment-dep-9");

        assertThat(crashed.reason()).isEqualTo("Railway: deployment CRASHED after it was verified");
        assertThat(crashed.details()).containsEntry("revision", "rev-2").doesNotContainKey("check");
        assertThat(AlertLedger.decide(Optional.empty(), crashed).orElseThrow().open()).isTrue();
    }

    @Test
    void eachIncidentOfOneRevisionHasItsOwnIdAndReSendsOfOneIncidentShareIt() {
        Notification first = RolloutNotices.quarantined(ENV, "rev-2", "backend failed", "rollout-1");
        Notification again = RolloutNotices.quarantined(ENV, "rev-2", "backend failed", "rollout-1");
        Notification afterRetry = RolloutNotices.quarantined(ENV, "rev-2", "backend failed", "rollout-2");

        assertThat(Payloads.id(first)).isEqualTo(Payloads.id(again)).isNotEqualTo(Payloads.id(afterRetry));
        Optional<NotificationAlert> sent = AlertLedger.decide(Optional.empty(), first);
        assertThat(AlertLedger.decide(sent, again)).isEmpty();
        assertThat(AlertLedger.decide(sent, afterRetry)).isPresent();
    }

    @Test
    void aHandMadeDeploymentIsDriftOfItsServiceClosedWhenRedeployed() {
        Notification detected = RolloutNotices.deploymentDrift(ENV, "backend", "rev-2", "dep-manual", false);

        assertThat(detected.kind()).isEqualTo(NotificationKind.DRIFT_DETECTED);
        assertThat(detected.alertService()).isEqualTo("backend");
        Optional<NotificationAlert> open = AlertLedger.decide(Optional.empty(), detected);
        assertThat(AlertLedger.decide(open, RolloutNotices.deploymentDrift(ENV, "backend", "rev-2", "dep-manual", true))
                .orElseThrow().open()).isFalse();
    }
}
