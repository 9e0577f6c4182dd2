package dev.switchman.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateValidator;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.Diagnostic.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchman validate [DIR]}: checks the desired state without reaching Railway, as a PR
 * check would. Secrets that do not resolve are warnings (a PR check rarely has them) unless
 * {@code --require-secrets} makes them errors, as the daemon treats them.
 */
@Command(name = "validate", description = "Check a desired-state directory and report every problem at once.",
        exitCodeList = {"0:valid (warnings allowed)", "1:invalid, or a mistake on the command line"})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    @Mixin
    ReportFormatOption output = new ReportFormatOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The desired-state directory (default: --dir, $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path positionalDir;

    @Option(names = "--require-secrets",
            description = "Treat secrets that cannot be resolved here as errors instead of warnings.")
    boolean requireSecrets;

    /** What validation found, in the order people read it. */
    record Report(Path dir, DesiredState state, List<Diagnostic> diagnostics) {

        long count(Severity severity) {
            return DesiredStateInput.count(diagnostics, severity);
        }

        boolean valid() {
            return count(Severity.ERROR) == 0 && state != null;
        }

        String summary() {
            if (!valid()) {
                return String.format("%s is invalid: %d error(s), %d warning(s).", dir, count(Severity.ERROR),
                        count(Severity.WARNING));
            }
            long services = state.environments().stream().mapToLong(e -> e.services().size()).sum();
            return String.format("%s is valid: %d project(s), %d environment(s), %d service instance(s), %d warning(s);"
                    + " revision %s", dir, state.projects().size(), state.environments().size(), services,
                    count(Severity.WARNING), state.revision());
        }
    }

    @Override
    public Integer call() {
        CliSettings settings = CliSettings.of(spec);
        Path dir = positionalDir != null ? positionalDir : input.dir(settings);
        LoadResult result = DesiredStateInput.read(dir);
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        if (result.state() != null) {
            DesiredStateValidator.checkSecrets(result.state(), input.secrets(settings)).stream()
                    .map(d -> requireSecrets ? d : Diagnostic.warning(d.location(), d.path(), d.message()))
                    .forEach(all::add);
        }
        Report report = new Report(dir, result.hasErrors() ? null : result.state(), DesiredStateInput.relativeTo(dir, all));
        print(report, spec.commandLine().getOut(), spec.commandLine().getErr(), Style.of(settings));
        return report.valid() ? ExitCode.OK : ExitCode.ERROR;
    }

    private void print(Report report, PrintWriter out, PrintWriter err, Style style) {
        switch (output.format) {
            case TEXT -> {
                report.diagnostics().forEach(d -> err.println(DesiredStateInput.render(d, style)));
                (report.valid() ? out : err).println(report.valid() ? report.summary() : style.red(report.summary()));
            }
            case JSON, YAML -> Documents.print(out, output.format, json(report));
            case GITHUB -> {
                GithubAnnotations.of(report.diagnostics()).forEach(out::println);
                out.println(report.summary());
            }
            case MARKDOWN -> out.print(ValidationMarkdown.render(report));
        }
        out.flush();
        err.flush();
    }

    static ObjectNode json(Report report) {
        ObjectNode root = Documents.object().put("directory", report.dir().toString()).put("valid", report.valid())
                .put("errors", report.count(Severity.ERROR)).put("warnings", report.count(Severity.WARNING));
        if (report.state() != null) {
            root.put("revision", report.state().revision()).put("projects", report.state().projects().size())
                    .put("environments", report.state().environments().size())
                    .put("serviceInstances", report.state().environments().stream().mapToInt(e -> e.services().size()).sum());
        }
        var diagnostics = root.putArray("diagnostics");
        report.diagnostics().forEach(d -> diagnostics.addObject()
                .put("severity", d.severity().name().toLowerCase(Locale.ROOT))
                .put("file", d.location().file()).put("line", d.location().line()).put("column", d.location().column())
                .put("path", d.path()).put("message", d.message()));
        return root;
    }
}
