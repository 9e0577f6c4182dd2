package dev.switchman.notify;

import dev.switchman.store.NotificationAlert;
import java.util.Optional;

/**
 * Deduplication, as a pure decision over the last state sent for a notification's slot (environment,
 * service, topic): a state is sent once until it changes; a closing kind ("recovered", "corrected") is sent
 * only when an alert is open, and closes it; news ("rollout succeeded") also closes an open alert.
 */
final class AlertLedger {

    private AlertLedger() {
    }

    /** The slot's next state when {@code notification} is to be sent; empty when it is to be suppressed. */
    static Optional<NotificationAlert> decide(Optional<NotificationAlert> previous, Notification notification) {
        NotificationKind kind = notification.kind();
        if (kind.effect() == NotificationKind.Effect.CLOSES) {
            return previous.filter(NotificationAlert::open).map(open -> next(notification, false));
        }
        boolean sameState = previous.filter(p -> p.kind().equals(kind.name())
                && p.stateKey().equals(notification.stateKey())).isPresent();
        return sameState ? Optional.empty()
                : Optional.of(next(notification, kind.effect() == NotificationKind.Effect.OPENS));
    }

    private static NotificationAlert next(Notification notification, boolean open) {
        return new NotificationAlert(notification.environment(), notification.alertService(),
                notification.kind().topic().label(), notification.kind().name(), notification.stateKey(), open,
                notification.occurredAt());
    }
}
