package dev.switchman.cli;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.DatabaseUnreachable;
import dev.switchman.migrate.FlywayMigrations;
import dev.switchman.migrate.MigrationHistory;
import dev.switchman.migrate.MigrationTargets;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The "Migrations" section {@code switchman plan} prints after the Railway plan: per database that
 * migrates from a folder, the scripts that would run first (read from the database when its URL
 * secret is available). Nothing is printed for an environment without such databases.
 */
final class MigrationPlanSection {

    private MigrationPlanSection() {
    }

    static void print(PrintWriter out, DesiredEnvironment environment, Path dir, Secrets secrets) {
        var databases = environment.databases().values().stream()
                .filter(d -> d.migrations() != null && d.migrations().path() != null).toList();
        if (databases.isEmpty()) {
            return;
        }
        out.println();
        out.println("Migrations (run before anything is deployed):");
        MigrationTargets targets = new MigrationTargets(secrets, () -> dir);
        for (DatabaseSpec database : databases) {
            out.println("  " + database.name() + ": " + line(targets, environment, database));
        }
        out.flush();
    }

    private static String line(MigrationTargets targets, DesiredEnvironment environment, DatabaseSpec database) {
        try {
            return targets.target(environment, database).map(target -> {
                MigrationHistory history = new FlywayMigrations().history(target);
                if (history.diverged()) {
                    return "history differs from the repository, nothing would run (see switchman migrate status)";
                }
                return history.pending().isEmpty() ? "up to date"
                        : history.pending().size() + " pending: " + String.join(", ",
                                history.pending().stream().map(Object::toString).toList());
            }).orElse("pending versions unknown: secret " + database.url().name() + " (the database URL) is not set");
        } catch (DatabaseUnreachable | MigrationTargets.InvalidUrl e) {
            return "pending versions unknown: " + e.getMessage();
        }
    }
}
