package dev.switchman.cli;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.LoadResult;
import dev.switchman.migrate.MigrationTarget;
import dev.switchman.migrate.MigrationTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --env E --database D [--dir DIR]}: which database of which environment, its URL from its secret. */
final class MigrationOptions {

    /** A database that migrates from a folder, ready to read. */
    record Resolved(DesiredEnvironment environment, DatabaseSpec database, MigrationTarget target) {
    }

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
            description = "The environment: NAME, or PROJECT/NAME when several projects have one of that name.")
    String environment;

    @Option(names = {"--database", "-d"}, required = true, paramLabel = "NAME", description = "The database's name in the desired state.")
    String database;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "desired-state",
            description = "The desired-state directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** The target, or empty after explaining on {@code err} why there is none. */
    Optional<Resolved> resolve(PrintWriter err) {
        LoadResult result = input.load(dir, err);
        if (result.hasErrors()) {
            err.printf("%s is invalid.%n", dir);
            return Optional.empty();
        }
        Optional<DesiredEnvironment> env = result.state().environment(environment);
        if (env.isEmpty()) {
            err.printf("environment '%s' is not declared or is ambiguous; declared: %s%n", environment,
                    result.state().environments().stream().map(DesiredEnvironment::qualifiedName).collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        DatabaseSpec db = env.get().databases().get(database);
        if (db == null) {
            err.printf("%s declares no database '%s'; declared: %s%n", env.get().qualifiedName(), database,
                    String.join(", ", env.get().databases().keySet()));
            return Optional.empty();
        }
        if (db.migrations() == null || db.migrations().path() == null) {
            err.println(db.migrations() == null ? "database " + database + " declares no migrations"
                    : "database " + database + " is migrated by service " + db.migrations().service()
                            + "'s pre-deploy command (" + db.migrations().command() + "); Railway runs it and keeps no"
                            + " history Switchman can read");
            return Optional.empty();
        }
        Optional<MigrationTarget> target = new MigrationTargets(input.secrets(), () -> dir).target(env.get(), db);
        if (target.isEmpty()) {
            err.printf("secret %s (the database URL) is not set: pass --secrets-dir or set it in the environment%n",
                    db.url().name());
            return Optional.empty();
        }
        return Optional.of(new Resolved(env.get(), db, target.get()));
    }
}
