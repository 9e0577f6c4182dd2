package dev.switchman.migrate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How migrating one database (or, for {@link Ready}, all of an environment's) ended. Only
 * {@link Ready} lets a rollout go on to deploy.
 */
public sealed interface MigrationOutcome {

    /**
     * Every database is migrated (or has nothing to migrate): deploy.
     *
     * @param databases one line per database
     * @param backups service -> the verified pre-migration backup taken before deploying it (its
     *        migration command runs in that deploy); empty when none was
     */
    record Ready(List<String> databases, Map<String, String> backups) implements MigrationOutcome {

        public Ready {
            databases = List.copyOf(databases);
            backups = Map.copyOf(backups);
        }

        public Ready(List<String> databases) {
            this(databases, Map.of());
        }
    }

    /** A verified pre-migration backup before {@code service} deploys and so runs the database's migration command. */
    record BackedUp(String database, String service, String backup) implements MigrationOutcome {
    }

    /** Nothing pending; the history matches the repository. */
    record UpToDate(String database, int applied) implements MigrationOutcome {
    }

    /** Pending scripts applied now. @param backup the pre-migration backup, or null when none was asked for */
    record Applied(String database, List<String> versions, String backup) implements MigrationOutcome {
    }

    /** Not migrated: its database URL is a sandbox stand-in, there is no real database behind it. */
    record Skipped(String database, String why) implements MigrationOutcome {
    }

    /** Another runner holds the lease; look again later. */
    record Busy(String database, String holder, Instant until) implements MigrationOutcome {
    }

    /**
     * A script failed (in the dry run or the real run); the revision is quarantined and the schema is
     * left as it is (never rolled back by Switchman).
     *
     * @param backup the backup taken just before, or null
     * @param quarantined true when this repeats a failure recorded earlier at the same revision (nothing ran now)
     */
    record Failed(String database, String script, String message, String backup, boolean dryRun, boolean quarantined)
            implements MigrationOutcome {
    }

    /** The applied history disagrees with the repository; nothing runs until a person reconciles the two. */
    record Diverged(String database, List<HistoryDifference> differences) implements MigrationOutcome {

        public String describe() {
            return differences.stream().map(HistoryDifference::toString).collect(Collectors.joining("; "));
        }
    }

    /** {@code backups.beforeMigrations} is on and no backup implementation is available. */
    record BackupUnavailable(String database) implements MigrationOutcome {
    }

    /** The pre-migration backup failed; nothing was migrated. */
    record BackupFailed(String database, String message) implements MigrationOutcome {
    }

    /** The database could not be reached; worth retrying. */
    record Unreachable(String database, String message) implements MigrationOutcome {
    }

    /** The declaration cannot be acted on (secret missing, URL unusable). @param reason a condition reason */
    record Misconfigured(String database, String reason, String message) implements MigrationOutcome {
    }

    /** True for every outcome that must stop the rollout before anything is deployed. */
    default boolean haltsRollout() {
        return !(this instanceof Ready || this instanceof UpToDate || this instanceof Applied || this instanceof Skipped
                || this instanceof BackedUp);
    }

    /** One line for the run summary. */
    default String summary() {
        return switch (this) {
            case Ready r -> String.join("; ", r.databases());
            case UpToDate u -> u.database() + ": up to date (" + u.applied() + " applied)";
            case Applied a -> a.database() + ": applied V" + String.join(", V", a.versions())
                    + (a.backup() == null ? "" : " after backup " + a.backup());
            case Skipped s -> s.database() + ": skipped, " + s.why();
            case BackedUp b -> b.database() + ": pre-migration backup " + b.backup() + " taken before " + b.service()
                    + " deploys and runs its migration command";
            case Busy b -> b.database() + ": another runner (" + b.holder() + ") is migrating it, lease until " + b.until();
            case Failed f -> f.database() + ": " + (f.dryRun() ? "dry run of " : "migration ") + f.script() + " failed"
                    + (f.quarantined() ? " at this revision earlier (not retried until the revision changes)" : "")
                    + ": " + f.message() + ". Switchman does not roll the schema back; "
                    + (f.dryRun() ? "the dry run was rolled back, the schema is unchanged"
                            : f.backup() == null ? "no pre-migration backup was taken (backups.beforeMigrations is off)"
                                    : "restore from the backup taken just before if needed: " + f.backup());
            case Diverged d -> d.database() + ": applied history differs from the repository: " + d.describe();
            case BackupUnavailable b -> b.database() + ": backups.beforeMigrations is on but no backup implementation"
                    + " is available; migrations do not run without a verified backup";
            case BackupFailed b -> b.database() + ": pre-migration backup failed, nothing migrated: " + b.message();
            case Unreachable u -> u.database() + ": database unreachable: " + u.message();
            case Misconfigured m -> m.database() + ": " + m.message();
        };
    }
}
