package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.reconcile.EnvironmentReconciler;
import dev.switchman.reconcile.ReconcileOutcome;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman apply --env NAME --yes}: one reconcile of one environment, recorded in the state
 * store like the daemon's, then exit: 0 converged or deployments started, 1 otherwise.
 */
@Command(name = "apply", description = "Reconcile one environment once against Railway, then exit.")
final class ApplyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
            description = "The environment: NAME, or PROJECT/NAME when several projects have one of that name.")
    String environment;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR or desired-state).")
    Path dir;

    @Option(names = "--yes", description = "Apply without asking; required when there is no terminal to ask on.")
    boolean yes;

    @Override
    public Integer call() {
        if (!yes && !confirmed()) {
            return ExitCode.ERROR;
        }
        if (dir != null) {
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        return QuarkusOnce.run(spec, ApplyOnce.class, environment, "what this run applies is not remembered"
                + " for the next one (prune and sealed-secret decisions need the daemon's database)");
    }

    private boolean confirmed() {
        return Confirmation.ask("Apply the desired state of " + environment + " to Railway?", spec.commandLine().getErr(),
                "apply changes Railway; pass --yes to confirm (there is no terminal to ask on). See the changes first"
                        + " with: switchman plan --env " + environment);
    }

    /** The Quarkus side of {@code apply}: finds the environment and reconciles it once. */
    public static final class ApplyOnce implements QuarkusApplication {

        @Inject
        DesiredStateHolder desired;

        @Inject
        EnvironmentReconciler reconciler;

        @Override
        public int run(String... args) {
            String name = args[0];
            DesiredState state = desired.current().orElse(null);
            if (state == null) {
                System.err.println("switchman: no valid desired state in " + desired.root() + "; see the errors above");
                return ExitCode.ERROR;
            }
            DesiredEnvironment environment = state.environment(name).orElse(null);
            if (environment == null) {
                System.err.printf("switchman: environment '%s' is not declared or is ambiguous%n", name);
                return ExitCode.ERROR;
            }
            ReconcileOutcome outcome = reconciler.reconcile(environment, state.revision(), "manual");
            System.out.println(describe(environment, outcome));
            return outcome instanceof ReconcileOutcome.Converged || outcome instanceof ReconcileOutcome.Progressing
                    ? ExitCode.OK : ExitCode.ERROR;
        }

        static String describe(DesiredEnvironment environment, ReconcileOutcome outcome) {
            return switch (outcome) {
                case ReconcileOutcome.Converged c -> String.format("%s: converged at %s (%d change(s) applied, %d drifted field(s))",
                        environment.qualifiedName(), c.revision(), c.changesApplied(), c.driftDetected());
                case ReconcileOutcome.Progressing p -> String.format("%s: applied at %s; %s (deployments continue on Railway)",
                        environment.qualifiedName(), p.revision(), p.reason());
                case ReconcileOutcome.Retry r -> String.format("%s: not applied: %s: %s", environment.qualifiedName(),
                        r.reason(), r.message());
                case ReconcileOutcome.Stalled s -> String.format("%s: not applied: %s: %s", environment.qualifiedName(),
                        s.reason(), s.message());
            };
        }
    }
}
