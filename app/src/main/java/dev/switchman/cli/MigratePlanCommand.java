package dev.switchman.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
@Command(name = "plan", description = "Show the migrations the next rollout would run on one database.",
        exitCodeList = {"0:nothing would run", "1:the history diverged (nothing would run), an error, or a mistake on"
                + " the command line", "2:migrations would run"})
final class MigratePlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MigrationOptions options = new MigrationOptions();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        var resolved = options.resolve(CliSettings.of(spec), spec.commandLine().getErr());
        if (resolved.isEmpty()) {
            return ExitCode.ERROR;
        }
        MigrationTarget target = resolved.get().target();
        DatabaseSpec database = resolved.get().database();
        MigrationHistory history = new FlywayMigrations().history(target);
        boolean backup = database.backups() != null && database.backups().beforeMigrations();
        if (output.format.structured()) {
            ObjectNode json = MigrateStatusCommand.json(resolved.get(), history).put("backupFirst", backup)
                    .put("dryRunFirst", target.dryRunFirst());
            ArrayNode wouldRun = json.putArray("wouldRun");
            for (MigrationHistory.PendingScript script : history.diverged() ? List.<MigrationHistory.PendingScript>of()
                    : history.pending()) {
                ArrayNode refused = wouldRun.addObject().put("version", script.version()).put("file", script.file())
                        .putArray("notTransactional");
                nonTransactional(target, script).forEach(refused::add);
            }
            Documents.print(out, output.format, json);
        } else {
            printText(out, target, history, backup);
        }
        out.flush();
        if (history.diverged()) {
            return ExitCode.ERROR;
        }
        return history.pending().isEmpty() ? ExitCode.OK : ExitCode.CHANGES;
    }

    private static void printText(PrintWriter out, MigrationTarget target, MigrationHistory history, boolean backup)
            throws IOException {
        if (history.diverged()) {
            out.printf("%s: nothing would run.%n", target.label());
            MigrateStatusCommand.print(out, history.differences());
            return;
        }
        if (history.pending().isEmpty()) {
            out.printf("%s: up to date (%d applied); nothing would run.%n", target.label(), history.applied().size());
            return;
        }
        out.printf("%s: %d migration(s) would run, in order:%n", target.label(), history.pending().size());
        for (MigrationHistory.PendingScript script : history.pending()) {
            List<String> refused = nonTransactional(target, script);
            out.printf("  + %s%s%n", script, refused.isEmpty() ? ""
                    : "  (cannot run in a transaction: " + String.join(", ", refused) + "; not covered by a dry run)");
        }
        out.printf("before them: %s%s%n", backup ? "a verified backup" : "no backup (backups.beforeMigrations is off)",
                target.dryRunFirst() ? ", then a dry run in a rolled-back transaction" : "");
    }

    private static List<String> nonTransactional(MigrationTarget target, MigrationHistory.PendingScript script)
            throws IOException {
        return NonTransactionalStatements.in(Files.readString(target.scripts().resolve(script.file())));
    }
}
