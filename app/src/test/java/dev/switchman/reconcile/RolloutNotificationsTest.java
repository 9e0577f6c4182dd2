package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.notify.NotificationKind;
import dev.switchman.rollout.RolloutEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutNotificationsTest {

    private static final Instant AT = Instant.parse("2026-11-21T07:00:00Z");

    @Test
    void aFailedRolloutRolledBackAndQuarantinedBecomesThreeNotificationsWithTheirReasons() {
        var failed = RolloutNotifications.of(new RolloutEvent.RolloutFailed("shop/production", "web", "abc", "dep-2",
                "check detailed answered HTTP 503", "rollout-1", AT)).orElseThrow();
        var rolledBack = RolloutNotifications.of(new RolloutEvent.RolledBack("shop/production", "web", "abc", "dep-1",
                "dep-3", false, "verification failed", "rollout-1", AT)).orElseThrow();
        var quarantined = RolloutNotifications.of(new RolloutEvent.Quarantined("shop/production", "abc",
                "web failed its checks", "rollout-1", AT)).orElseThrow();

        assertThat(failed.kind()).isEqualTo(NotificationKind.ROLLOUT_FAILED);
        assertThat(failed.reason()).contains("HTTP 503");
        assertThat(rolledBack.kind()).isEqualTo(NotificationKind.ROLLED_BACK);
        assertThat(rolledBack.details()).containsEntry("targetDeploymentId", "dep-1");
        assertThat(quarantined.kind()).isEqualTo(NotificationKind.QUARANTINED);
    }

    @Test
    void degradedAndRecoveredConcernTheServiceAndALiftedQuarantineIsNotAnnounced() {
        assertThat(RolloutNotifications.of(new RolloutEvent.ServiceDegraded("shop/production", "web", "abc", "status",
                503, "HTTP 503", "rollout-1", AT))).hasValueSatisfying(n -> assertThat(n.service()).isEqualTo("web"));
        assertThat(RolloutNotifications.of(new RolloutEvent.ServiceRecovered("shop/production", "web", "abc", AT)))
                .hasValueSatisfying(n -> assertThat(n.kind()).isEqualTo(NotificationKind.SERVICE_RECOVERED));
        assertThat(RolloutNotifications.of(new RolloutEvent.QuarantineLifted("shop/production", "abc", "retry", AT)))
                .isEmpty();
        assertThat(RolloutNotifications.of(new RolloutEvent.RolloutStarted("shop/production", "abc",
                Map.of("web", "dep-2"), "rollout-1", AT))).hasValueSatisfying(n ->
                        assertThat(n.kind()).isEqualTo(NotificationKind.ROLLOUT_STARTED));
    }
}
