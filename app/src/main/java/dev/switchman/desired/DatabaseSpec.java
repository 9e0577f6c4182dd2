package dev.switchman.desired;

import java.time.Duration;
import java.util.List;

/**
 * A database whose migrations and backups Switchman runs.
 *
 * @param name the database's name in the desired state
 * @param service the Railway service that hosts it (for volume backups), or null
 * @param url the secret holding its connection URL; never written in git
 * @param migrations how its schema is migrated, or null
 * @param backups how it is backed up, or null
 * @param id names the physical database for every environment that declares it (leases, the run log,
 *        schema fingerprints), or null: then the host, port and database name of its URL do
 */
public record DatabaseSpec(String name, String service, VariableValue.SecretRef url, MigrationSpec migrations,
        BackupSpec backups, String id) {

    /** A database identified by its URL. */
    public DatabaseSpec(String name, String service, VariableValue.SecretRef url, MigrationSpec migrations,
            BackupSpec backups) {
        this(name, service, url, migrations, backups, null);
    }

    /**
     * Versioned SQL from a folder of the desired-state repository (applied with Flyway), or a
     * command Railway runs as a service's pre-deploy command.
     *
     * @param path folder of versioned SQL, relative to the desired-state root; or null
     * @param command pre-deploy command; or null
     * @param service the service whose pre-deploy command runs {@code command}
     * @param dryRunFirst run pending migrations in a rolled-back transaction before the real run
     * @param lockTimeout how long a migration lock lives before another runner may take it
     * @param schemaDriftIgnore schema objects the application manages itself, left out of schema drift
     *        ({@code *} matches any run of characters; a table's pattern covers its columns, indexes and constraints)
     */
    public record MigrationSpec(String path, String command, String service, boolean dryRunFirst,
            Duration lockTimeout, List<String> schemaDriftIgnore) {

        public MigrationSpec {
            schemaDriftIgnore = schemaDriftIgnore == null ? List.of() : List.copyOf(schemaDriftIgnore);
        }

        /** Migrations whose whole schema is watched for drift. */
        public MigrationSpec(String path, String command, String service, boolean dryRunFirst, Duration lockTimeout) {
            this(path, command, service, dryRunFirst, lockTimeout, List.of());
        }

        /** Whether this is a command that Railway runs as the pre-deploy command of {@code serviceName}. */
        public boolean runsIn(String serviceName) {
            return command != null && service != null && service.equals(serviceName);
        }
    }

    /**
     * Scheduled {@code pg_dump} backups with grandfather-father-son retention and restore drills.
     *
     * @param schedule cron expression (five fields)
     * @param retention how many to keep in each destination that declares no retention of its own
     * @param destinations where each backup is written and verified, in order (3-2-1: e.g. a volume and a bucket);
     *        the first one that holds a backup is the one restores and drills read by default
     * @param beforeMigrations take a verified backup before migrations run
     * @param keepPreMigrationFor pre-migration backups younger than this are never deleted
     * @param drill restore drill, or null
     */
    public record BackupSpec(String schedule, Retention retention, List<BackupDestination> destinations,
            boolean beforeMigrations, Duration keepPreMigrationFor, RestoreDrill drill) {

        public BackupSpec {
            destinations = destinations == null ? List.of() : destinations.stream().filter(d -> d != null).toList();
        }

        /** Backups written to one destination. */
        public BackupSpec(String schedule, Retention retention, BackupDestination destination, boolean beforeMigrations,
                Duration keepPreMigrationFor, RestoreDrill drill) {
            this(schedule, retention, destination == null ? List.of() : List.of(destination), beforeMigrations,
                    keepPreMigrationFor, drill);
        }

        /** The retention in force in {@code destination}: its own, else the backups' one. */
        public Retention retentionIn(BackupDestination destination) {
            return destination.retention() != null ? destination.retention() : retention;
        }
    }

    /** How many daily, weekly and monthly backups to keep. */
    public record Retention(int daily, int weekly, int monthly) {
    }

    /** Where backups are written; {@link #retention()} null means the backups' retention. */
    public sealed interface BackupDestination {

        Retention retention();

        /** A directory on the daemon's filesystem. */
        record Filesystem(String path, Retention retention) implements BackupDestination {

            public Filesystem(String path) {
                this(path, null);
            }
        }

        /** An S3-compatible bucket; credentials are secrets. */
        record S3(String bucket, String prefix, String endpoint, String region, boolean pathStyle,
                VariableValue.SecretRef accessKeyId, VariableValue.SecretRef secretAccessKey, Retention retention)
                implements BackupDestination {

            public S3(String bucket, String prefix, String endpoint, String region, boolean pathStyle,
                    VariableValue.SecretRef accessKeyId, VariableValue.SecretRef secretAccessKey) {
                this(bucket, prefix, endpoint, region, pathStyle, accessKeyId, secretAccessKey, null);
            }
        }
    }

    /**
     * Restore the newest backup into a scratch database and run checks on it.
     *
     * @param schedule cron expression (five fields)
     */
    public record RestoreDrill(String schedule, List<DrillCheck> checks) {

        public RestoreDrill {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One check on a restored database: a table exists (with at least {@code minRows} rows), or a
     * query returns {@code expect} in its first column of its first row.
     */
    public record DrillCheck(String table, Long minRows, String query, String expect) {
    }
}
