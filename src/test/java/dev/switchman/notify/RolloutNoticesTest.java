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
                "Healthcheck failed: /health/detailed/ returned 503");

        assertThat(failed.service()).isEqualTo("backend");
        assertThat(failed.alertService()).isEmpty();
        assertThat(failed.reason()).isEqualTo("backend: Healthcheck failed: /health/detailed/ returned 503");
        assertThat(failed.details()).containsEntry("service", "backend").containsEntry("deploymentId", "dep-9");
        Optional<NotificationAlert> open = AlertLedger.decide(Optional.empty(), failed);
        assertThat(open.orElseThrow().open()).isTrue();
        Notification succeeded = RolloutNotices.rolloutSucceeded(ENV, "rev-3", Map.of("backend", "dep-10"));
        assertThat(AlertLedger.decide(open, succeeded).orElseThrow().open()).isFalse();
    }

    @Test
    void aDegradedServiceNamesTheCheckAndItsStatusAndRecoveredClosesIt() {
        Notification degraded = RolloutNotices.serviceDegraded(ENV, "backend", "rev-2", "health-detailed", 503,
                "redis is down");

        assertThat(degraded.reason()).isEqualTo("check health-detailed answered HTTP 503: redis is down");
        Optional<NotificationAlert> open = AlertLedger.decide(Optional.empty(), degraded);
        assertThat(AlertLedger.decide(open, degraded)).isEmpty();
        assertThat(AlertLedger.decide(open, RolloutNotices.serviceRecovered(ENV, "backend", "rev-2"))).isPresent();
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
