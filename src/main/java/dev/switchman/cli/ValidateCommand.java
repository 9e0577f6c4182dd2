package dev.switchman.cli;

import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateValidator;
import dev.switchman.desired.Diagnostic;
import dev.switchman.desired.Diagnostic.Severity;
import dev.switchman.desired.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
@Command(name = "validate", description = "Check a desired-state directory and report every problem at once.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "desired-state",
            description = "The desired-state directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--require-secrets",
            description = "Treat secrets that cannot be resolved here as errors instead of warnings.")
    boolean requireSecrets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = input.load(dir, err);
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        if (result.state() != null) {
            List<Diagnostic> secrets = DesiredStateValidator.checkSecrets(result.state(), input.secrets()).stream()
                    .map(d -> requireSecrets ? d : Diagnostic.warning(d.location(), d.path(), d.message()))
                    .toList();
            DesiredStateInput.print(dir, secrets, err);
            all.addAll(secrets);
        }
        long errors = DesiredStateInput.count(all, Severity.ERROR);
        long warnings = DesiredStateInput.count(all, Severity.WARNING);
        if (errors > 0) {
            err.printf("%s is invalid: %d error(s), %d warning(s).%n", dir, errors, warnings);
            return ExitCode.ERROR;
        }
        DesiredState state = result.state();
        long services = state.environments().stream().mapToLong(e -> e.services().size()).sum();
        out.printf("%s is valid: %d project(s), %d environment(s), %d service instance(s), %d warning(s); revision %s%n",
                dir, state.projects().size(), state.environments().size(), services, warnings, state.revision());
        return ExitCode.OK;
    }
}
