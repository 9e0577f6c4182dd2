package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.desired.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman status [--env NAME] [-w]}: what a running daemon reports, from its status API: each
 * environment's conditions, revision, last and next run, rollout, quarantine and drift.
 */
@Command(name = "status", description = "Show what a running daemon reports about every environment, or one in full.",
        exitCodeList = {"0:shown", "1:the daemon cannot be reached, the environment is unknown, or a mistake on the"
                + " command line"})
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--env", "-e"}, paramLabel = "NAME",
            description = "One environment in full: NAME, or PROJECT/NAME when several projects have one of that name.")
    String environment;

    @Option(names = {"-w", "--watch"}, description = "Keep watching: print again whenever something changes.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "With --watch: how often to look (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--server", paramLabel = "URL",
            description = "The daemon's base URL (default: $SWITCHMAN_SERVER, else " + CliSettings.DEFAULT_SERVER + ").")
    String server;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() throws InterruptedException {
        Duration every = Durations.parse(interval).filter(d -> !d.isZero()).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "--interval: " + Durations.problem(interval)
                        .orElse("must be more than 0")));
        CliSettings settings = CliSettings.of(spec);
        DaemonClient daemon = new DaemonClient(settings.server(server));
        PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            show(look(daemon), out, settings);
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        Style style = Style.of(settings);
        new StatusWatch(every, Thread::sleep).run(() -> look(daemon), StatusCommand::significant, report -> {
            if (!output.format.structured()) {
                out.println(style.dim("--- " + LocalTime.now().withNano(0)));
            }
            show(report, out, settings);
            out.flush();
        }, why -> {
            err.println("switchman: " + why);
            err.flush();
        }, () -> false);
        return ExitCode.OK;
    }

    /** A report without what moves on every run (times, run ids, the schedule): what -w calls a change. */
    static JsonNode significant(JsonNode report) {
        JsonNode copy = report.deepCopy();
        for (JsonNode environment : copy.isArray() ? copy : Documents.JSON.createArrayNode().add(copy)) {
            if (environment instanceof ObjectNode fields) {
                fields.remove(List.of("statusUpdatedAt", "schedule"));
                if (fields.path("lastRun") instanceof ObjectNode run) {
                    run.remove(List.of("id", "startedAt", "finishedAt", "summary"));
                }
            }
        }
        return copy;
    }

    /** One environment (an object) or all of them (an array), as the API answers. */
    private JsonNode look(DaemonClient daemon) {
        return environment != null ? daemon.environment(environment)
                : Documents.JSON.createArrayNode().addAll(daemon.environments());
    }

    private void show(JsonNode report, PrintWriter out, CliSettings settings) {
        if (output.format.structured()) {
            Documents.print(out, output.format, report);
            return;
        }
        StatusView view = new StatusView(new StatusText(Style.of(settings), Instant.now()));
        out.print(report.isObject() ? view.detail(report) : view.table(report));
        out.flush();
    }
}
