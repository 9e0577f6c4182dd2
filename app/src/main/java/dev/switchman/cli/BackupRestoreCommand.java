package dev.switchman.cli;

import dev.switchman.backup.BackupManifest;
import dev.switchman.backup.DatabaseTarget;
import dev.switchman.backup.Destination;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman backup restore --env E --database D [--to URL] [--backup NAME] [--destination N] [--yes]}:
 * restores a backup OF the named database (checked against its manifest), from the first destination or the one
 * {@code --destination} names, into that database or the one {@code --to} names, after its checksum and its
 * archive's listing pass. Asks first unless {@code --yes}; without a terminal
 * to ask on, refuses.
 */
@Command(name = "restore", description = "Restore a backup of the named database (default: the newest),"
        + " replacing the objects it contains.",
        exitCodeList = {"0:restored", "1:refused (no --yes and no terminal to ask on), an error, or a mistake on the"
                + " command line"})
final class BackupRestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BackupCommand.Selection selection;

    @Mixin
    BackupCommand.DestinationOption destination;

    @Option(names = "--backup", paramLabel = "NAME", description = "The backup (default: the newest).")
    String backup;

    @Option(names = "--to", paramLabel = "URL",
            description = "Restore into this database instead (postgresql://...); the database's own URL otherwise.")
    String to;

    @Option(names = "--yes", description = "Restore without asking; required when there is no terminal to ask on.")
    boolean yes;

    @Override
    public Integer call() {
        BackupCommand.Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
        Destination from = s.destination(destination.position);
        BackupManifest manifest = s.find(from, backup);
        DatabaseTarget target = to != null ? DatabaseTarget.parse(to) : s.source();
        String question = String.format("Restore %s (%s) of %s/%s from %s into %s, replacing what it contains?",
                manifest.name(), manifest.createdAt(), s.env.qualifiedName(), s.spec.name(), from.label(),
                target.uriWithoutPassword());
        if (!yes && !confirmed(question)) {
            return ExitCode.ERROR;
        }
        BackupCommand.Selection.runner().restore(from.storage(), manifest, target);
        spec.commandLine().getOut().printf("restored %s into %s%n", manifest.name(), target.uriWithoutPassword());
        return ExitCode.OK;
    }

    private boolean confirmed(String question) {
        return Confirmation.ask(question, spec.commandLine().getErr(),
                question + " Pass --yes to confirm (there is no terminal to ask on); nothing was restored.");
    }
}
