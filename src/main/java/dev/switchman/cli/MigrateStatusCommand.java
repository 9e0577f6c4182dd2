package dev.switchman.cli;

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
@Command(name = "status", description = "Show applied, pending and differing migration versions of one database.")
final class MigrateStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MigrationOptions options = new MigrationOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var resolved = options.resolve(err);
        if (resolved.isEmpty()) {
            return ExitCode.ERROR;
        }
        MigrationHistory history = new FlywayMigrations().history(resolved.get().target());
        out.printf("%s (scripts in %s)%n", resolved.get().target().label(), resolved.get().target().scripts());
        out.printf("applied:     %s%n", history.applied().isEmpty() ? "none" : "V" + String.join(", V", history.applied()));
        out.printf("pending:     %s%n", history.pending().isEmpty() ? "none"
                : String.join(", ", history.pending().stream().map(Object::toString).toList()));
        print(out, history.differences());
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
}
