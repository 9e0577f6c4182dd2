package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.Durations;
import dev.switchman.reconcile.EnvironmentReconciler;
import dev.switchman.reconcile.ReconcileOutcome;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.RolloutRepository;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman apply --env NAME --yes [--wait [--timeout D]]}: one reconcile of one environment,
 * recorded in the state store like the daemon's; with {@code --wait}, followed until its rollout is
 * verified (exit 0) or failed, rolled back or out of time (exit 1).
 */
@Command(name = "apply", description = "Reconcile one environment once against Railway; with --wait, follow its"
        + " rollout to the verdict.",
        exitCodeList = {"0:applied (deployments may still run); with --wait: converged and its rollout verified",
                "1:not applied, the rollout failed or was rolled back, --timeout passed, an error, or a mistake on the"
                        + " command line"})
final class ApplyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
            description = "The environment: NAME, or PROJECT/NAME when several projects have one of that name.")
    String environment;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path dir;

    @Option(names = "--yes", description = "Apply without asking; required when there is no terminal to ask on.")
    boolean yes;

    @Option(names = "--wait", description = "Follow the rollout until it is verified, fails or is rolled back,"
            + " printing its progress.")
    boolean waitForVerdict;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "With --wait: give up waiting after this long (default: ${DEFAULT-VALUE}); the rollout goes on.")
    String timeout;

    @Override
    public Integer call() {
        Duration limit = Durations.parse(timeout).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--timeout: " + Durations.problem(timeout).orElse("")));
        QuarkusOnce.requireEnvironment(CliSettings.of(spec), dir, environment);
        if (!yes && !confirmed()) {
            return ExitCode.ERROR;
        }
        return QuarkusOnce.run(spec, dir, ApplyOnce.class, "what this run applies is not remembered for the next one"
                + " (prune and sealed-secret decisions need the daemon's database)",
                environment, waitForVerdict ? limit.toString() : "");
    }

    private boolean confirmed() {
        return Confirmation.ask("Apply the desired state of " + environment + " to Railway?", spec.commandLine().getErr(),
                "apply changes Railway; pass --yes to confirm (there is no terminal to ask on). See the changes first"
                        + " with: switchman plan --env " + environment);
    }

    /** The Quarkus side of {@code apply}: finds the environment, reconciles it, and follows it with --wait. */
    public static final class ApplyOnce implements QuarkusApplication {

        @Inject
        DesiredStateHolder desired;

        @Inject
        EnvironmentReconciler reconciler;

        @Inject
        RolloutRepository rollouts;

        @Override
        public int run(String... args) throws InterruptedException {
            DesiredState state = desired.current().orElseThrow(() -> new IllegalArgumentException(
                    "no valid desired state in " + desired.root() + "; see the errors above"));
            DesiredEnvironment environment = Names.environment(state, args[0]);
            // The environment's own identity, as the daemon's loop passes it, and the tree's revision as provenance.
            String fingerprint = state.fingerprint(environment);
            if (args[1].isEmpty()) {
                ReconcileOutcome outcome = reconciler.reconcile(environment, fingerprint, state.revision(), "manual");
                System.out.println(describe(environment, outcome));
                return outcome instanceof ReconcileOutcome.Converged || outcome instanceof ReconcileOutcome.Progressing
                        ? ExitCode.OK : ExitCode.ERROR;
            }
            RolloutFollower follower = new RolloutFollower(
                    trigger -> reconciler.reconcile(environment, fingerprint, state.revision(), trigger),
                    () -> rollouts.recent(environment.project(), environment.name(), 1).stream().findFirst(),
                    wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC(),
                    line -> System.out.println(LocalTime.now().withNano(0) + " " + line));
            RolloutFollower.Verdict verdict = follower.apply(Duration.parse(args[1]));
            System.out.println(environment.qualifiedName() + ": " + verdict.summary());
            return verdict.verified() ? ExitCode.OK : ExitCode.ERROR;
        }

        static String describe(DesiredEnvironment environment, ReconcileOutcome outcome) {
            return switch (outcome) {
                case ReconcileOutcome.Converged c -> String.format("%s: converged at %s (%d change(s) applied, %d drifted field(s))",
                        environment.qualifiedName(), c.revision(), c.changesApplied(), c.driftDetected());
                case ReconcileOutcome.Progressing p -> String.format("%s: applied at %s; %s: deployments continue on Railway"
                        + " (not verified yet: apply --wait follows them)", environment.qualifiedName(), p.revision(), p.reason());
                case ReconcileOutcome.Retry r -> String.format("%s: not applied: %s: %s", environment.qualifiedName(),
                        r.reason(), r.message());
                case ReconcileOutcome.Stalled s -> String.format("%s: not applied: %s: %s", environment.qualifiedName(),
                        s.reason(), s.message());
            };
        }
    }
}
