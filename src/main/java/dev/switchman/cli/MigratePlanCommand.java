package dev.switchman.cli;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.migrate.FlywayMigrations;
import dev.switchman.migrate.MigrationHistory;
import dev.switchman.migrate.MigrationTarget;
import dev.switchman.migrate.NonTransactionalStatements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code switchman migrate plan}: the scripts the next rollout would run, in order, with the guards
 * around them (backup, dry run and the scripts a dry run cannot cover). Exit 0 nothing to run,
 * 2 scripts would run, 1 the history diverged (nothing would run).
 */
@Command(name = "plan", description = "Show the migrations the next rollout would run on one database.")
final class MigratePlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MigrationOptions options = new MigrationOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var resolved = options.resolve(err);
        if (resolved.isEmpty()) {
            return ExitCode.ERROR;
        }
        MigrationTarget target = resolved.get().target();
        DatabaseSpec database = resolved.get().database();
        MigrationHistory history = new FlywayMigrations().history(target);
        if (history.diverged()) {
            out.printf("%s: nothing would run.%n", target.label());
            MigrateStatusCommand.print(out, history.differences());
            out.flush();
            return ExitCode.ERROR;
        }
        if (history.pending().isEmpty()) {
            out.printf("%s: up to date (%d applied); nothing would run.%n", target.label(), history.applied().size());
            out.flush();
            return ExitCode.OK;
        }
        out.printf("%s: %d migration(s) would run, in order:%n", target.label(), history.pending().size());
        for (MigrationHistory.PendingScript script : history.pending()) {
            List<String> refused = NonTransactionalStatements.in(Files.readString(target.scripts().resolve(script.file())));
            out.printf("  + %s%s%n", script, refused.isEmpty() ? ""
                    : "  (cannot run in a transaction: " + String.join(", ", refused) + "; not covered by a dry run)");
        }
        boolean backup = database.backups() != null && database.backups().beforeMigrations();
        out.printf("before them: %s%s%n", backup ? "a verified backup" : "no backup (backups.beforeMigrations is off)",
                target.dryRunFirst() ? ", then a dry run in a rolled-back transaction" : "");
        out.flush();
        return ExitCode.CHANGES;
    }
}
