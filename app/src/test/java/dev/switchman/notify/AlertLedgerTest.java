package dev.switchman.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.NotificationTarget;
import dev.switchman.store.NotificationAlert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLedgerTest {

    private Optional<NotificationAlert> slot = Optional.empty();

    /** Runs the notifications through the ledger, keeping the slot's state; returns the kinds sent. */
    private List<NotificationKind> sent(Notification... notifications) {
        List<NotificationKind> sent = new ArrayList<>();
        for (Notification n : notifications) {
            Optional<NotificationAlert> next = AlertLedger.decide(slot, n);
            next.ifPresent(state -> sent.add(n.kind()));
            slot = next.isPresent() ? next : slot;
        }
        return sent;
    }

    private static Notification health(NotificationKind kind, String key) {
        return Notification.of("shop/production", "api", kind, key, "check health: HTTP 503", Map.of());
    }

    @Test
    void aRepeatedStateIsSentOnceAndRecoveredClosesTheAlertOnce() {
        assertThat(sent(health(NotificationKind.SERVICE_DEGRADED, "d1"), health(NotificationKind.SERVICE_DEGRADED, "d1"),
                health(NotificationKind.SERVICE_RECOVERED, "d1"), health(NotificationKind.SERVICE_RECOVERED, "d1")))
                .containsExactly(NotificationKind.SERVICE_DEGRADED, NotificationKind.SERVICE_RECOVERED);
        assertThat(slot.orElseThrow().open()).isFalse();
    }

    @Test
    void recoveredWithoutAnAlertIsNotSent() {
        assertThat(sent(health(NotificationKind.SERVICE_RECOVERED, "d1"))).isEmpty();
        assertThat(slot).isEmpty();
    }

    @Test
    void aNewStateOfTheSameKindIsSentAgain() {
        assertThat(sent(health(NotificationKind.SERVICE_DEGRADED, "d1"), health(NotificationKind.SERVICE_DEGRADED, "d2")))
                .containsExactly(NotificationKind.SERVICE_DEGRADED, NotificationKind.SERVICE_DEGRADED);
    }

    @Test
    void backupsAreOneAlertPerDatabaseThatAPassClosesOnce() {
        Notification failedDrill = BackupNotices.drillFailed("shop/production", "app", "app-1", "orders is missing");
        Notification recovered = BackupNotices.recovered("shop/production", "app", "app-2", "backup app-2 was taken");

        assertThat(failedDrill.alertService()).isEqualTo("app");
        assertThat(sent(failedDrill, failedDrill, recovered, recovered))
                .containsExactly(NotificationKind.BACKUP_DRILL_FAILED, NotificationKind.BACKUP_RECOVERED);
        assertThat(slot.orElseThrow().topic()).isEqualTo("backup");
    }

    @Test
    void aSucceededRolloutClosesTheFailedOne() {
        Notification failed = Notification.of("shop/production", "api", NotificationKind.ROLLOUT_FAILED, "r1",
                "healthcheck failed", Map.of());
        Notification succeeded = Notification.of("shop/production", "api", NotificationKind.ROLLOUT_SUCCEEDED, "r2",
                "", Map.of());

        assertThat(sent(failed, failed, succeeded, succeeded)).containsExactly(NotificationKind.ROLLOUT_FAILED,
                NotificationKind.ROLLOUT_SUCCEEDED);
        assertThat(slot.orElseThrow().open()).isFalse();
    }

    @Test
    void everyKindIsAnEventTargetsCanFilterOn() {
        assertThat(Arrays.stream(NotificationKind.values()).map(NotificationKind::eventName).toList())
                .containsExactlyElementsOf(NotificationTarget.EVENTS);
    }
}
