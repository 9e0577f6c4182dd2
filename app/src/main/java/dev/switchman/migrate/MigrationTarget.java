package dev.switchman.migrate;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.redaction.Redactor;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One application database to migrate, with its connection resolved from its secret.
 *
 * @param environment {@code project/name}
 * @param database the database's name in the desired state
 * @param key the physical database, shared by every environment that declares it
 * @param connection where it is; its password never printed
 * @param scripts the folder of versioned SQL ({@code V<n>__name.sql})
 * @param lockTimeout how long a runner's lease lives before another runner may take it over
 * @param dryRunFirst run pending scripts in a rolled-back transaction before the real run
 * @param redaction hides the secret's value in every message built from driver or Flyway errors
 */
public record MigrationTarget(String environment, String database, DatabaseKey key, DatabaseUrl connection,
        Path scripts, Duration lockTimeout, boolean dryRunFirst, Redactor redaction) {

    /** {@code project/environment database}, for messages. */
    public String label() {
        return environment + " database " + database;
    }
}
