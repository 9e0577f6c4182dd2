package dev.switchman.notify;

import java.util.Locale;

/**
 * What a notification says. Each kind belongs to a topic (one alert slot per environment, service and
 * topic; for backups, migrations and schema drift the "service" is the database) and either opens an alert, closes one,
 * or is plain news.
 */
public enum NotificationKind {

    ROLLOUT_STARTED("rolloutStarted", Topic.ROLLOUT, Effect.NEWS, "Rollout started"),
    ROLLOUT_SUCCEEDED("rolloutSucceeded", Topic.ROLLOUT, Effect.NEWS, "Rollout succeeded"),
    ROLLOUT_FAILED("rolloutFailed", Topic.ROLLOUT, Effect.OPENS, "Rollout failed"),
    ROLLED_BACK("rolledBack", Topic.ROLLOUT, Effect.OPENS, "Rolled back"),
    QUARANTINED("quarantined", Topic.ROLLOUT, Effect.OPENS, "Revision quarantined"),
    DRIFT_DETECTED("driftDetected", Topic.DRIFT, Effect.OPENS, "Drift detected"),
    DRIFT_CORRECTED("driftCorrected", Topic.DRIFT, Effect.CLOSES, "Drift corrected"),
    SERVICE_DEGRADED("serviceDegraded", Topic.HEALTH, Effect.OPENS, "Service degraded"),
    SERVICE_RECOVERED("serviceRecovered", Topic.HEALTH, Effect.CLOSES, "Service recovered"),
    BACKUP_FAILED("backupFailed", Topic.BACKUP, Effect.OPENS, "Backup failed"),
    BACKUP_DRILL_FAILED("backupDrillFailed", Topic.BACKUP, Effect.OPENS, "Restore drill failed"),
    BACKUP_RECOVERED("backupRecovered", Topic.BACKUP, Effect.CLOSES, "Backups recovered"),
    MIGRATION_FAILED("migrationFailed", Topic.MIGRATION, Effect.OPENS, "Migration failed"),
    SCHEMA_DRIFT("schemaDrift", Topic.SCHEMA, Effect.OPENS, "Schema drift"),
    SCHEMA_DRIFT_RESOLVED("schemaDriftResolved", Topic.SCHEMA, Effect.CLOSES, "Schema matches its migrations again");

    /** One alert slot per environment, service (database for backups and migrations) and topic. */
    public enum Topic {
        ROLLOUT, DRIFT, HEALTH, BACKUP, MIGRATION, SCHEMA;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An alert-opening kind, one that closes an open alert (and is sent only then), or news. */
    public enum Effect {
        OPENS, CLOSES, NEWS
    }

    private final String eventName;
    private final Topic topic;
    private final Effect effect;
    private final String title;

    NotificationKind(String eventName, Topic topic, Effect effect, String title) {
        this.eventName = eventName;
        this.topic = topic;
        this.effect = effect;
        this.title = title;
    }

    /** The name targets filter on in the YAML ({@code events: [...]}) and the payload's {@code kind}. */
    public String eventName() {
        return eventName;
    }

    public Topic topic() {
        return topic;
    }

    public Effect effect() {
        return effect;
    }

    /** A short human title, e.g. "Rollout failed". */
    public String title() {
        return title;
    }

    /** {@code critical} when an alert opens, {@code resolved} when one closes, {@code info} otherwise. */
    public String severity() {
        return switch (effect) {
            case OPENS -> "critical";
            case CLOSES -> "resolved";
            case NEWS -> this == ROLLOUT_SUCCEEDED ? "success" : "info";
        };
    }
}
