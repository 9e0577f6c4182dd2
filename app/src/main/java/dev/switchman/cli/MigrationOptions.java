package dev.switchman.cli;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.LoadResult;
import dev.switchman.migrate.MigrationTarget;
import dev.switchman.migrate.MigrationTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

    /** The target, or empty after explaining on {@code err} why there is none. */
    Optional<Resolved> resolve(CliSettings settings, PrintWriter err) {
        LoadResult result = input.load(settings, err);
        Path dir = input.dir(settings);
        if (result.hasErrors()) {
            err.printf("%s is invalid.%n", dir);
            return Optional.empty();
        }
        DesiredEnvironment env = Names.environment(result.state(), environment);
        DatabaseSpec db = env.databases().get(database);
        if (db == null) {
            err.println(Names.missing("database", database, env.qualifiedName(), env.databases().keySet()));
            return Optional.empty();
        }
        if (db.migrations() == null || db.migrations().path() == null) {
            err.println(db.migrations() == null ? "database " + database + " declares no migrations"
                    : "database " + database + " is migrated by service " + db.migrations().service()
                            + "'s pre-deploy command (" + db.migrations().command() + "); Railway runs it and keeps no"
                            + " history Switchman can read");
            return Optional.empty();
        }
        Optional<MigrationTarget> target = new MigrationTargets(input.secrets(settings), () -> dir).target(env, db);
        if (target.isEmpty()) {
            err.printf("secret %s (the database URL) is not set: pass --secrets-dir or set it in the environment%n",
                    db.url().name());
            return Optional.empty();
        }
        return Optional.of(new Resolved(env, db, target.get()));
    }
}
