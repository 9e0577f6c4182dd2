package dev.switchman.migrate;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.notify.Notification;
import dev.switchman.notify.NotificationKind;
import dev.switchman.notify.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A migration that failed or a history that diverged, as a notification: one alert per environment and
 * database (its own topic, so rollout news does not interleave with it), keyed by revision and database,
 * so the same halt reported on every reconcile until the revision changes is sent once.
 */
public final class MigrationNotices {

    private MigrationNotices() {
    }

    /** A gate listener that sends {@link #of} to {@code notifier}. */
    public static MigrationGate.Listener to(Notifier notifier) {
        return (environment, revision, outcome) -> of(environment, revision, outcome).ifPresent(notifier::notify);
    }

    public static Optional<Notification> of(DesiredEnvironment environment, String revision, MigrationOutcome outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("revision", String.valueOf(revision));
        String database;
        switch (outcome) {
            case MigrationOutcome.Failed f -> {
                database = f.database();
                details.put("script", String.valueOf(f.script()));
                details.put("dryRun", String.valueOf(f.dryRun()));
                if (f.backup() != null) {
                    details.put("backup", f.backup());
                }
            }
            case MigrationOutcome.Diverged d -> {
                database = d.database();
                details.put("differences", d.describe());
            }
            default -> {
                return Optional.empty();
            }
        }
        details.put("database", database);
        return Optional.of(Notification.of(environment.qualifiedName(), database, NotificationKind.MIGRATION_FAILED,
                revision + "/" + database, outcome.summary(), details));
    }

    /** A migration command that failed in Railway's pre-deploy step of {@code service}'s deployment. */
    public static Notification commandFailed(String environment, String service, String database, String revision,
            String deploymentId, String reason, String incident) {
        return Notification.of(environment, database, NotificationKind.MIGRATION_FAILED,
                revision + "/" + database + "#" + incident,
                reason, Map.of("revision", String.valueOf(revision), "database", database, "service", service,
                        "deploymentId", String.valueOf(deploymentId)));
    }
}
