package dev.switchman.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.migrate.FlywayMigrations;
import dev.switchman.migrate.HistoryDifference;
import dev.switchman.migrate.LiveSchema;
import dev.switchman.migrate.MigrationHistory;
import dev.switchman.migrate.SchemaBaselines;
import dev.switchman.migrate.SchemaDifference;
import dev.switchman.migrate.SchemaWatch;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code switchman migrate status}: applied, pending and differing versions, read from the database, and the live
 * schema against the one recorded after the last migration (with {@code DATABASE_URL}). Exit 1 when the history
 * diverged or the schema drifted.
 */
@Command(name = "status", description = "Show applied, pending and differing migration versions of one database.",
        exitCodeList = {"0:the history agrees with the repository (and the schema, when compared)",
                "1:the history diverged, the schema drifted, an error, or a mistake on the command line"})
final class MigrateStatusCommand implements Callable<Integer> {

    /** The live schema against the recorded one: {@code not-compared}, {@code not-recorded}, {@code matches} or {@code drifted}. */
    record SchemaCheck(String state, String summary, List<String> differences) {
        boolean drifted() {
            return state.equals("drifted");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MigrationOptions options = new MigrationOptions();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CliSettings settings = CliSettings.of(spec);
        var resolved = options.resolve(settings, spec.commandLine().getErr());
        if (resolved.isEmpty()) {
            return ExitCode.ERROR;
        }
        MigrationHistory history = new FlywayMigrations().history(resolved.get().target());
        SchemaCheck schema = schema(resolved.get(), settings);
        if (output.format.structured()) {
            ObjectNode json = json(resolved.get(), history);
            ObjectNode check = json.putObject("schema").put("state", schema.state()).put("summary", schema.summary());
            schema.differences().forEach(check.putArray("differences")::add);
            Documents.print(out, output.format, json);
        } else {
            out.printf("%s (scripts in %s)%n", resolved.get().target().label(), resolved.get().target().scripts());
            out.printf("applied:     %s%n", history.applied().isEmpty() ? "none" : "V" + String.join(", V", history.applied()));
            out.printf("pending:     %s%n", history.pending().isEmpty() ? "none"
                    : String.join(", ", history.pending().stream().map(Object::toString).toList()));
            print(out, history.differences());
            out.println("schema:      " + schema.summary());
            schema.differences().forEach(d -> out.println("  - " + d));
        }
        out.flush();
        return history.diverged() || schema.drifted() ? ExitCode.ERROR : ExitCode.OK;
    }

    /** The live schema against the one recorded after the last migration. */
    private SchemaCheck schema(MigrationOptions.Resolved resolved, CliSettings settings) {
        Optional<DataSource> store = StateStoreConnection.lookup(options.input.secrets(settings));
        if (store.isEmpty()) {
            return new SchemaCheck("not-compared", "not compared: " + StateStoreConnection.SECRET + " (Switchman's state"
                    + " store, where the schema recorded after each migration is kept) is not set", List.of());
        }
        Optional<LiveSchema.Comparison> compared = LiveSchema.compare(resolved.target(), resolved.database(),
                new SchemaBaselines(store.get()));
        if (compared.isEmpty()) {
            return new SchemaCheck("not-recorded", "no schema recorded yet: Switchman records it after it migrates this"
                    + " database", List.of());
        }
        SchemaBaselines.Baseline recorded = compared.get().recorded();
        List<SchemaDifference> differences = compared.get().differences();
        if (differences.isEmpty()) {
            return new SchemaCheck("matches", String.format("matches the one %s (%d objects)",
                    SchemaWatch.recorded(recorded), recorded.schema().objects().size()), List.of());
        }
        return new SchemaCheck("drifted", String.format("SchemaDrift: the live schema differs from the one %s. %s:",
                SchemaWatch.recorded(recorded), SchemaWatch.WHAT_TO_DO), differences.stream().map(Object::toString).toList());
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
