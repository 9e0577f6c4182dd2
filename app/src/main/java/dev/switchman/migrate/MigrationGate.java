package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The step a rollout passes before anything is deployed: every database of the environment that
 * declares {@code migrations.path} is migrated, in declaration order; the first that cannot be stops
 * the rollout. Databases migrated by a pre-deploy command ({@code migrations.command}) are Railway's
 * to run: {@link #beforeDeploying} only takes their pre-migration backup before such a deploy.
 */
public final class MigrationGate {

    private static final Logger LOG = Logger.getLogger(MigrationGate.class);

    /** What to do when a database's URL secret is not set. */
    public enum MissingUrl {
        /** Stop the rollout (Railway: a rollout must not go ahead without its migrations). */
        STALL,
        /** Skip the database (the sandbox: there is no real database behind the examples). */
        SKIP;

        /** What {@code database}, whose URL secret is not set, comes to. */
        MigrationOutcome outcome(DatabaseSpec database) {
            String secret = database.url() == null ? "(none declared)" : database.url().name();
            return this == SKIP
                    ? new MigrationOutcome.Skipped(database.name(), "secret " + secret + " is not set (sandbox)")
                    : new MigrationOutcome.Misconfigured(database.name(), "SecretMissing",
                            "secret " + secret + " holding the database URL is not set");
        }
    }

    /** Told each database's outcome as the gate reaches it (notifications, metrics); must not throw. */
    @FunctionalInterface
    public interface Listener {

        void outcome(DesiredEnvironment environment, String revision, MigrationOutcome outcome);

        default Listener andThen(Listener next) {
            return (environment, revision, outcome) -> {
                outcome(environment, revision, outcome);
                next.outcome(environment, revision, outcome);
            };
        }
    }

    private final MigrationTargets targets;
    private final MissingUrl missingUrl;
    private final DatabaseMigrator migrator;
    private final CommandMigrationBackups commandBackups;
    private final Listener listener;
    private final SchemaWatch schemaWatch;

    /** @param desiredRoot the desired-state directory {@code migrations.path} is relative to */
    public MigrationGate(Secrets secrets, Supplier<Path> desiredRoot, MissingUrl missingUrl, DatabaseMigrator migrator) {
        this(new MigrationTargets(secrets, desiredRoot), missingUrl, migrator,
                new CommandMigrationBackups(secrets, missingUrl, migrator.backup()), (environment, revision, outcome) -> {
                }, null);
    }

    private MigrationGate(MigrationTargets targets, MissingUrl missingUrl, DatabaseMigrator migrator,
            CommandMigrationBackups commandBackups, Listener listener, SchemaWatch schemaWatch) {
        this.targets = targets;
        this.missingUrl = missingUrl;
        this.migrator = migrator;
        this.commandBackups = commandBackups;
        this.listener = listener;
        this.schemaWatch = schemaWatch;
    }

    /** The same gate, also telling {@code next} every database's outcome. */
    public MigrationGate observedBy(Listener next) {
        return new MigrationGate(targets, missingUrl, migrator, commandBackups, listener.andThen(next), schemaWatch);
    }

    /** The same gate, recording each migrated database's schema and checking it for drift through {@code watch}. */
    public MigrationGate watchingSchema(SchemaWatch watch) {
        return new MigrationGate(targets, missingUrl, migrator, commandBackups, listener, watch);
    }

    /** Migrates the environment's databases; {@link MigrationOutcome.Ready} when the rollout may deploy. */
    public MigrationOutcome pass(DesiredEnvironment environment, String revision) {
        List<String> done = new ArrayList<>();
        for (DatabaseSpec database : migratedFromFolders(environment)) {
            MigrationOutcome outcome;
            try {
                outcome = targets.target(environment, database)
                        .map(target -> migrateAndRecordSchema(target, environment, database, revision))
                        .orElseGet(() -> missingUrl.outcome(database));
            } catch (MigrationTargets.InvalidUrl e) {
                outcome = new MigrationOutcome.Misconfigured(database.name(), "InvalidDatabaseUrl",
                        "secret " + database.url().name() + " is not a usable PostgreSQL URL: " + e.getMessage());
            }
            listener.outcome(environment, revision, outcome);
            if (outcome.haltsRollout()) {
                return outcome;
            }
            done.add(outcome.summary());
        }
        return new MigrationOutcome.Ready(done);
    }

    private MigrationOutcome migrateAndRecordSchema(MigrationTarget target, DesiredEnvironment environment,
            DatabaseSpec database, String revision) {
        MigrationOutcome outcome = migrator.migrate(target, environment, database, revision);
        if (schemaWatch != null) {
            try {
                schemaWatch.afterPass(target, outcome);
            } catch (DatabaseUnreachable e) {
                LOG.warnf("%s: schema not recorded, the database could not be read: %s", target.label(), e.getMessage());
            }
        }
        return outcome;
    }

    /**
     * The reconcile run's hook for schema drift: compares each database this gate migrates with the schema
     * recorded after its last migration and reports a changed state once (event, notification). Reads each
     * database's catalog at most once per the watch's interval; never changes a schema, never throws, and does
     * nothing without a watch.
     */
    public void watchSchema(DesiredEnvironment environment) {
        if (schemaWatch == null) {
            return;
        }
        for (DatabaseSpec database : migratedFromFolders(environment)) {
            try {
                targets.target(environment, database).ifPresent(t -> schemaWatch.check(environment, database, t));
            } catch (RuntimeException e) {
                LOG.warnf("%s database %s: schema drift not checked: %s", environment.qualifiedName(), database.name(),
                        e.getMessage());
            }
        }
    }

    private static List<DatabaseSpec> migratedFromFolders(DesiredEnvironment environment) {
        return environment.databases().values().stream()
                .filter(d -> d.migrations() != null && d.migrations().path() != null).toList();
    }

    /**
     * Right before a run deploys {@code deploying} (service names): a verified pre-migration backup of
     * each database whose migration command one of them runs ({@code backups.beforeMigrations}), since
     * that deploy is what migrates it. {@link MigrationOutcome.Ready} with the backups per service when
     * the deploy may go ahead; a failed backup ({@link MigrationOutcome.BackupFailed}) stops it.
     */
    public MigrationOutcome beforeDeploying(DesiredEnvironment environment, String revision,
            Collection<String> deploying) {
        return commandBackups.take(environment, revision, deploying);
    }

    /** Whether deploying {@code deploying} runs a migration command that wants a backup first. */
    public static boolean backsUpBeforeDeploying(DesiredEnvironment environment, Collection<String> deploying) {
        return CommandMigrationBackups.wanted(environment, deploying);
    }

    /** Whether {@code environment} has databases this gate migrates. */
    public static boolean migrates(DesiredEnvironment environment) {
        return !migratedFromFolders(environment).isEmpty();
    }
}
