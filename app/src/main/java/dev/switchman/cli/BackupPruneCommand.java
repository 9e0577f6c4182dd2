package dev.switchman.cli;

import dev.switchman.backup.DatabaseBackups;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman backup prune --env E --database D [--dry-run]}: retention and orphan cleanup in every
 * destination, as the daemon runs them after each backup; {@code --dry-run} only lists what would go and why.
 * Needs the state store's catalog ({@code DATABASE_URL}): without it nothing tells a kept backup from an orphan.
 */
@Command(name = "prune", description = "Apply retention and delete orphaned files in every destination"
        + " (--dry-run: only list them). Needs the state store's catalog (DATABASE_URL).",
        exitCodeList = {"0:pruned, or listed with --dry-run", "1:no state store, an error, or a mistake on the command line"})
final class BackupPruneCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BackupCommand.Selection selection;

    @Option(names = "--dry-run", description = "List what would be deleted, and why; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        BackupCommand.Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        DatabaseBackups backups = s.withCatalog().orElse(null);
        if (backups == null) {
            spec.commandLine().getErr().println("prune needs the state store's catalog: set DATABASE_URL (in the"
                    + " environment or the secrets directory)");
            return ExitCode.ERROR;
        }
        List<DatabaseBackups.Pruning> pruned = backups.prune(s.env, s.spec, !dryRun);
        String verb = dryRun ? "would delete" : "deleted";
        pruned.forEach(p -> out.printf("%s %s from %s (%s)%n", verb, p.object(), p.destination(), p.reason()));
        out.printf("%d %s%s%n", pruned.size(), dryRun ? "to delete" : "deleted", dryRun ? " (dry run: nothing deleted)" : "");
        return ExitCode.OK;
    }
}
