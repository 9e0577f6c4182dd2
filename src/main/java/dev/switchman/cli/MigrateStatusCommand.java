package dev.switchman.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.migrate.FlywayMigrations;
import dev.switchman.migrate.HistoryDifference;
import dev.switchman.migrate.MigrationHistory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code switchman migrate status}: applied, pending and differing versions, read from the database. Exit 1 when the history diverged. */
@Command(name = "status", description = "Show applied, pending and differing migration versions of one database.",
        exitCodeList = {"0:the history agrees with the repository",
                "1:the history diverged, an error, or a mistake on the command line"})
final class MigrateStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MigrationOptions options = new MigrationOptions();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var resolved = options.resolve(CliSettings.of(spec), spec.commandLine().getErr());
        if (resolved.isEmpty()) {
            return ExitCode.ERROR;
        }
        MigrationHistory history = new FlywayMigrations().history(resolved.get().target());
        if (output.format.structured()) {
            Documents.print(out, output.format, json(resolved.get(), history));
        } else {
            out.printf("%s (scripts in %s)%n", resolved.get().target().label(), resolved.get().target().scripts());
            out.printf("applied:     %s%n", history.applied().isEmpty() ? "none" : "V" + String.join(", V", history.applied()));
            out.printf("pending:     %s%n", history.pending().isEmpty() ? "none"
                    : String.join(", ", history.pending().stream().map(Object::toString).toList()));
            print(out, history.differences());
        }
        out.flush();
        return history.diverged() ? ExitCode.ERROR : ExitCode.OK;
    }

    static void print(PrintWriter out, List<HistoryDifference> differences) {
        if (differences.isEmpty()) {
            out.println("differences: none");
            return;
        }
        out.println("differences: the applied history disagrees with the repository; nothing will run until it is fixed");
        differences.forEach(d -> out.println("  - " + d));
    }

    /** The shape both migrate commands start from: which database, its history and whether it diverged. */
    static ObjectNode json(MigrationOptions.Resolved resolved, MigrationHistory history) {
        ObjectNode root = Documents.object().put("environment", resolved.environment().qualifiedName())
                .put("database", resolved.database().name()).put("scripts", resolved.target().scripts().toString())
                .put("diverged", history.diverged());
        var applied = root.putArray("applied");
        history.applied().forEach(applied::add);
        var pending = root.putArray("pending");
        history.pending().forEach(p -> pending.addObject().put("version", p.version()).put("file", p.file()));
        var differences = root.putArray("differences");
        history.differences().forEach(d -> differences.add(d.toString()));
        return root;
    }
}
