package dev.switchman.migrate;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.redaction.Redactor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** Resolves a declared database to a {@link MigrationTarget}: its URL from the secret, its scripts folder on disk. */
public final class MigrationTargets {

    private final Secrets secrets;
    private final Supplier<Path> desiredRoot;

    /** @param desiredRoot the desired-state directory {@code migrations.path} is relative to */
    public MigrationTargets(Secrets secrets, Supplier<Path> desiredRoot) {
        this.secrets = secrets;
        this.desiredRoot = desiredRoot;
    }

    /**
     * The database's target, or empty when its URL secret is not set.
     *
     * @throws InvalidUrl when the secret is set but is not a PostgreSQL URL (message redacted)
     */
    public Optional<MigrationTarget> target(DesiredEnvironment environment, DatabaseSpec database) {
        Optional<String> raw = database.url() == null ? Optional.empty() : secrets.lookup(database.url().name());
        return raw.map(url -> targetFor(environment, database, url));
    }

    private MigrationTarget targetFor(DesiredEnvironment environment, DatabaseSpec database, String rawUrl) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(rawUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrl(database.name(), Redactor.of(rawUrl).redact(e.getMessage()));
        }
        DatabaseSpec.MigrationSpec migrations = database.migrations();
        return new MigrationTarget(environment.qualifiedName(), database.name(), DatabaseKey.of(database, parsed), parsed,
                desiredRoot.get().resolve(migrations.path()), migrations.lockTimeout(), migrations.dryRunFirst(),
                Redactor.of(rawUrl));
    }

    /** A URL secret that is set but is not a PostgreSQL URL. */
    public static final class InvalidUrl extends IllegalArgumentException {

        InvalidUrl(String database, String message) {
            super(database + ": " + message);
        }
    }
}
