package dev.switchman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.LoadResult;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.plan.Plan;
import dev.switchman.plan.PlanRenderer;
import dev.switchman.plan.Planner;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayClient;
import dev.switchman.railway.StandaloneRailwayConfig;
import dev.switchman.reconcile.RailwayTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman plan --env NAME}: what Switchman would change in one environment, as a
 * redacted, Terraform-style diff. {@code --detailed-exitcode}: 0 in sync, 2 changes, 1 error.
 */
@Command(name = "plan", description = "Show what Switchman would change in one environment.")
final class PlanCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environmentVariables;

    PlanCommand() {
        this(System.getenv());
    }

    /** @param environmentVariables where RAILWAY_API_URL, RAILWAY_API_TOKEN and RAILWAY_TOKEN are read from */
    PlanCommand(Map<String, String> environmentVariables) {
        this.environmentVariables = environmentVariables;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
            description = "The environment: NAME, or PROJECT/NAME when several projects have one of that name.")
    String environment;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "desired-state",
            description = "The desired-state directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Plan against a recorded response of Switchman's environment query "
                    + "(graphql/EnvironmentState.graphql) instead of reading Railway.")
    Path observed;

    @Option(names = "--last-applied", paramLabel = "FILE",
            description = "What Switchman applied last time (JSON), for prune and sealed-secret decisions.")
    Path lastApplied;

    @Option(names = "--json", description = "Print the plan as JSON instead of text.")
    boolean json;

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 when in sync, 2 when there are changes, 1 on error.")
    boolean detailedExitcode;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = input.load(dir, err);
        if (result.hasErrors()) {
            err.printf("%s is invalid; nothing was planned.%n", dir);
            return ExitCode.ERROR;
        }
        DesiredEnvironment desired = find(result.state(), err);
        if (desired == null) {
            return ExitCode.ERROR;
        }
        ObservedEnvironment current = observed != null
                ? RailwayEnvironmentParser.parse(JSON.readTree(Files.readString(observed)))
                : readRailway(result.state(), desired);
        LastApplied applied = lastApplied == null ? LastApplied.empty() : LastAppliedJson.read(JSON.readTree(Files.readString(lastApplied)));
        Plan plan = Planner.plan(result.state().revision(), desired, current, applied, input.secrets());
        out.print(json ? PlanRenderer.json(plan) : PlanRenderer.text(plan));
        if (!json) {
            MigrationPlanSection.print(out, desired, dir, input.secrets());
        }
        out.flush();
        if (!plan.blockers().isEmpty()) {
            return ExitCode.ERROR;
        }
        return detailedExitcode && !plan.isEmpty() ? ExitCode.CHANGES : ExitCode.OK;
    }

    /** One read of the environment, as the daemon does it, with RAILWAY_API_TOKEN / RAILWAY_TOKEN. */
    private ObservedEnvironment readRailway(DesiredState state, DesiredEnvironment desired) {
        RailwayApi railway = RailwayClient.standalone(StandaloneRailwayConfig.fromEnvironment(environmentVariables));
        RailwayTargets targets = new RailwayTargets(railway, state::railwayProjectId);
        return RailwayEnvironmentParser.parse(railway.environmentState(targets.environmentId(desired)));
    }

    private DesiredEnvironment find(DesiredState state, PrintWriter err) {
        return state.environment(environment).orElseGet(() -> {
            String known = state.environments().stream()
                    .map(DesiredEnvironment::qualifiedName)
                    .collect(Collectors.joining(", "));
            err.printf("environment '%s' is not declared or is ambiguous; declared: %s%n", environment,
                    known.isEmpty() ? "(none)" : known);
            return null;
        });
    }
}
