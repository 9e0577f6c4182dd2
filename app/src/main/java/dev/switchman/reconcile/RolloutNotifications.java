package dev.switchman.reconcile;

import dev.switchman.migrate.MigrationNotices;
import dev.switchman.notify.Notification;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.RolloutNotices;
import dev.switchman.rollout.RolloutEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/** Tells the environment's notification targets what happened to its rollouts. */
@ApplicationScoped
class RolloutNotifications {

    private final Notifier notifier;

    RolloutNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    void on(@Observes RolloutEvent event) {
        of(event).ifPresent(notifier::notify);
    }

    /** The notification for {@code event}; none for a lifted quarantine, which someone asked for. */
    static Optional<Notification> of(RolloutEvent event) {
        return Optional.ofNullable(switch (event) {
            case RolloutEvent.RolloutStarted e -> RolloutNotices.rolloutStarted(e.environment(), e.revision(),
                    e.deployments(), e.incident());
            case RolloutEvent.RolloutSucceeded e -> RolloutNotices.rolloutSucceeded(e.environment(), e.revision(),
                    e.deployments(), e.incident());
            case RolloutEvent.RolloutFailed e -> RolloutNotices.rolloutFailed(e.environment(), e.service(), e.revision(),
                    e.deploymentId(), e.reason(), e.incident());
            case RolloutEvent.MigrationFailed e -> MigrationNotices.commandFailed(e.environment(), e.service(),
                    e.database(), e.revision(), e.deploymentId(), e.reason(), e.incident());
            case RolloutEvent.MigrationApplied e -> null;
            case RolloutEvent.RolledBack e -> RolloutNotices.rolledBack(e.environment(), e.service(), e.revision(),
                    e.targetDeploymentId(), e.newDeploymentId(), e.redeployedSource(), e.reason(), e.incident());
            case RolloutEvent.Quarantined e -> RolloutNotices.quarantined(e.environment(), e.revision(), e.reason(),
                    e.incident());
            case RolloutEvent.QuarantineLifted e -> null;
            case RolloutEvent.ServiceDegraded e -> RolloutNotices.serviceDegraded(e.environment(), e.service(), e.revision(),
                    e.check(), e.status(), e.reason(), e.incident());
            case RolloutEvent.ServiceRecovered e -> RolloutNotices.serviceRecovered(e.environment(), e.service(), e.revision());
            case RolloutEvent.DeploymentDriftDetected e -> RolloutNotices.deploymentDrift(e.environment(), e.service(),
                    e.revision(), e.deploymentId(), e.corrected());
        });
    }
}
