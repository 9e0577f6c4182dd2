package dev.switchman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateValidator;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.redaction.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman plan --env NAME | --all}: what Switchman would change, as a redacted,
 * Terraform-style diff; for CI also as JSON, GitHub annotations or a Markdown PR comment.
 */
@Command(name = "plan", description = "Show what Switchman would change in one environment, or in all of them.",
        exitCodeList = {"0:done; with --detailed-exitcode: every environment is in sync",
                "1:an error, an invalid desired state, a blocked plan, or a mistake on the command line",
                "2:only with --detailed-exitcode: there are changes"})
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    /** Which environments: one, or every declared one. */
    static final class Target {
        @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
                description = "The environment: NAME, or PROJECT/NAME when several projects have one of that name.")
        String environment;

        @Option(names = "--all", required = true, description = "Plan every declared environment and end with a summary.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Plan against a recorded response of Switchman's environment query "
                    + "(graphql/EnvironmentState.graphql) instead of reading Railway (with --env only).")
    Path observed;

    @Option(names = "--last-applied", paramLabel = "FILE",
            description = "What Switchman applied last time (JSON), for prune and sealed-secret decisions.")
    Path lastApplied;

    @Mixin
    ReportFormatOption output = new ReportFormatOption();

    @Option(names = "--json", hidden = true, description = "The same as -o json (kept for scripts written before -o).")
    boolean json;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when in sync, 2 when there are changes, 1 on error.")
    boolean detailedExitcode;

    @Override
    public Integer call() throws IOException {
        if (target.all && observed != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--observed records one environment: use it with --env");
        }
        CliSettings settings = CliSettings.of(spec);
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = input.load(settings, err);
        Path dir = input.dir(settings);
        if (result.hasErrors()) {
            err.printf("%s is invalid; nothing was planned.%n", dir);
            return ExitCode.ERROR;
        }
        DesiredState state = result.state();
        Secrets secrets = input.secrets(settings);
        LastApplied applied = lastApplied == null ? LastApplied.empty()
                : LastAppliedJson.read(new ObjectMapper().readTree(Files.readString(lastApplied)));
        Planning planning = new Planning(state, secrets, applied, () -> RailwayAccess.client(settings));
        List<DesiredEnvironment> environments = target.all ? state.environments()
                : List.of(Names.environment(state, target.environment));
        List<EnvironmentPlan> results = environments.stream()
                .map(e -> observed != null ? planning.against(e, observed) : planning.fromRailway(e)).toList();
        print(results, state, dir, secrets, settings);
        if (results.stream().anyMatch(r -> r.failed() || r.blocked())) {
            return ExitCode.ERROR;
        }
        return detailedExitcode && results.stream().anyMatch(EnvironmentPlan::hasChanges) ? ExitCode.CHANGES : ExitCode.OK;
    }

    private void print(List<EnvironmentPlan> results, DesiredState state, Path dir, Secrets secrets, CliSettings settings) {
        PrintWriter out = spec.commandLine().getOut();
        Function<EnvironmentPlan, Redactor> redactors = r -> Redactor.of(
                DesiredStateValidator.secretValues(r.environment(), secrets));
        OutputFormat format = json ? OutputFormat.JSON : output.format;
        switch (format) {
            case TEXT -> {
                Style style = Style.of(settings);
                for (EnvironmentPlan r : results) {
                    out.print(redactors.apply(r).redact(PlanReports.text(r, style)));
                    if (!r.failed()) {
                        MigrationPlanSection.print(out, r.environment(), dir, secrets);
                    }
                    if (target.all) {
                        out.println();
                    }
                }
                if (target.all) {
                    out.print(PlanReports.summary(results, style));
                }
            }
            case JSON, YAML -> Documents.print(out, format, PlanReports.json(results, target.all, state.revision()));
            case GITHUB -> PlanReports.github(results, dir, redactors, out);
            case MARKDOWN -> out.print(PlanMarkdown.render(results, state.revision(), redactors));
        }
        out.flush();
    }
}
