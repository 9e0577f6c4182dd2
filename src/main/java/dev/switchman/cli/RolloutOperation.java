package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.reconcile.EnvironmentReconciler;
import dev.switchman.rollout.Rollouts;
import dev.switchman.store.EnvironmentControlRepository;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;

/** Boots Quarkus (as {@code apply} does) to run one rollout action, {@code rollback} or {@code retry}, on one environment. */
final class RolloutOperation {

    /**
     * The action, given the daemon's rollouts, the environment, its Railway id, its fingerprint and the tree
     * revision that was read at.
     */
    interface Action {
        int run(Rollouts rollouts, DesiredEnvironment environment, String environmentId, String fingerprint,
                String provenance);
    }

    private static final Duration POLL = Duration.ofSeconds(5);
    /** Handed to the Quarkus application, which Quarkus instantiates itself. */
    private static volatile Action pending;

    private RolloutOperation() {
    }

    static int run(CommandLine.Model.CommandSpec spec, Path dir, Action action, String environment) {
        if (dir != null) {
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        pending = action;
        return QuarkusOnce.run(spec, Once.class, environment, "the daemon's history, last-known-good deployments"
                + " and quarantines are not visible to this run");
    }

    static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the rollback", e);
        }
    }

    /** The Quarkus side: finds the environment and runs the pending action. */
    public static final class Once implements QuarkusApplication {

        @Inject
        DesiredStateHolder desired;

        @Inject
        EnvironmentReconciler reconciler;

        @Inject
        EnvironmentControlRepository controls;

        @Override
        public int run(String... args) {
            DesiredState state = desired.current().orElse(null);
            if (state == null) {
                System.err.println("switchman: no valid desired state in " + desired.root() + "; see the errors above");
                return ExitCode.ERROR;
            }
            DesiredEnvironment environment = state.environment(args[0]).orElse(null);
            Rollouts rollouts = reconciler.rollouts().orElse(null);
            if (environment == null || rollouts == null) {
                System.err.printf("switchman: %s%n", environment == null
                        ? "environment '" + args[0] + "' is not declared or is ambiguous"
                        : "rollouts are disabled (switchman.rollout.enabled=false)");
                return ExitCode.ERROR;
            }
            try {
                int code = pending.run(rollouts, environment, reconciler.environmentId(environment),
                        state.fingerprint(environment), state.revision());
                // The daemon leaves a stalled environment alone until something changes: this is that change.
                controls.requestReconcile(environment.project(), environment.name(), Instant.now());
                return code;
            } catch (IllegalArgumentException refused) {
                System.err.println("switchman: " + refused.getMessage());
                return ExitCode.ERROR;
            }
        }
    }
}
