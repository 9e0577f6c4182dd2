package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.EnvironmentReconciler;
import dev.switchman.rollout.Rollouts;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentControlRepository;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;

/**
 * Boots Quarkus (as {@code apply} does) to run one rollout action, {@code rollback} or {@code retry}, on one
 * environment. Both act on what the daemon recorded (quarantines, last-known-good deployments), so without
 * its state store they refuse rather than find nothing in a throw-away one.
 */
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
        QuarkusOnce.requireEnvironment(CliSettings.of(spec), dir, environment);
        QuarkusOnce.requireStore(CliSettings.of(spec), spec.name(), "the quarantines and last-known-good deployments"
                + " it acts on are kept there");
        pending = action;
        return QuarkusOnce.run(spec, dir, Once.class, "unreachable: a store is required", environment);
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
            DesiredEnvironment environment = Names.environment(state, args[0]);
            Rollouts rollouts = reconciler.rollouts().orElse(null);
            if (rollouts == null) {
                System.err.println("switchman: rollouts are disabled (switchman.rollout.enabled=false)");
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
