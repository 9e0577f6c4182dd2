package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.redaction.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guard in front of a migration Railway runs: a database migrated by a command (its service's
 * pre-deploy command) with {@code backups.beforeMigrations} gets a verified pre-migration backup
 * before a run deploys that service, because deploying it is what runs the migration. Order:
 * verified backup -> deploy (Railway: pre-deploy command, then the new version).
 */
final class CommandMigrationBackups {

    private final Secrets secrets;
    private final MigrationGate.MissingUrl missingUrl;
    private final Optional<PreMigrationBackup> backup;

    CommandMigrationBackups(Secrets secrets, MigrationGate.MissingUrl missingUrl, Optional<PreMigrationBackup> backup) {
        this.secrets = secrets;
        this.missingUrl = missingUrl;
        this.backup = backup;
    }

    /** Whether deploying {@code deploying} (service names) runs a migration that wants a backup first. */
    static boolean wanted(DesiredEnvironment environment, Collection<String> deploying) {
        return environment.databases().values().stream().anyMatch(d -> wanted(d, deploying));
    }

    private static boolean wanted(DatabaseSpec database, Collection<String> deploying) {
        DatabaseSpec.MigrationSpec migrations = database.migrations();
        return migrations != null && deploying.stream().anyMatch(migrations::runsIn)
                && database.backups() != null && database.backups().beforeMigrations();
    }

    /** The first outcome that halts, else {@link MigrationOutcome.Ready} with the backups taken per service. */
    MigrationOutcome take(DesiredEnvironment environment, String revision, Collection<String> deploying) {
        List<String> lines = new ArrayList<>();
        Map<String, String> taken = new LinkedHashMap<>();
        for (DatabaseSpec database : environment.databases().values()) {
            if (!wanted(database, deploying)) {
                continue;
            }
            MigrationOutcome outcome = takeOne(environment, database, revision == null ? "" : revision);
            if (outcome.haltsRollout()) {
                return outcome;
            }
            if (outcome instanceof MigrationOutcome.BackedUp backedUp) {
                taken.merge(backedUp.service(), backedUp.backup(), (one, other) -> one + " and " + other);
            }
            lines.add(outcome.summary());
        }
        return new MigrationOutcome.Ready(lines, taken);
    }

    private MigrationOutcome takeOne(DesiredEnvironment environment, DatabaseSpec database, String revision) {
        Optional<String> url = database.url() == null ? Optional.empty() : secrets.lookup(database.url().name());
        if (url.isEmpty()) {
            return missingUrl.outcome(database);
        }
        if (backup.isEmpty()) {
            return new MigrationOutcome.BackupUnavailable(database.name());
        }
        try {
            return new MigrationOutcome.BackedUp(database.name(), database.migrations().service(),
                    backup.get().takeVerified(environment, database, revision).toString());
        } catch (RuntimeException e) {
            return new MigrationOutcome.BackupFailed(database.name(), Redactor.of(url.get()).redact(e.getMessage()));
        }
    }
}
