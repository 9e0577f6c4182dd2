package dev.switchman.rollout;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;

/**
 * A database migrated by a command Railway runs as a service's pre-deploy command: when that step of
 * the service's deployment fails, the rollout failed as a migration, not as a deploy.
 */
record MigrationCommand(String database, String command) {

    /** The migration {@code service} runs before it deploys, or null when it runs none. */
    static MigrationCommand of(DesiredEnvironment environment, String service) {
        for (DatabaseSpec database : environment.databases().values()) {
            DatabaseSpec.MigrationSpec migrations = database.migrations();
            if (migrations != null && migrations.runsIn(service)) {
                return new MigrationCommand(database.name(), migrations.command());
            }
        }
        return null;
    }

    /**
     * What a person needs to decide: which migration failed, Railway's error, that the application
     * did not change, and the backup to restore from.
     *
     * @param backup the pre-migration backup taken before the deploy, or null when none was
     */
    String failure(String service, String error, String backup) {
        return "migration of database " + database + " failed: `" + command + "`, run by Railway as the pre-deploy"
                + " command of " + service + ", failed: " + error + ". The new version of " + service
                + " never went live; the previous deployment keeps serving. Switchman never rolls a schema back; "
                + (backup == null ? "no pre-migration backup was taken for this rollout"
                        : "restore from the pre-migration backup taken just before if needed: " + backup);
    }
}
