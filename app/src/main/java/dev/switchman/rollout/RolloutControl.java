package dev.switchman.rollout;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.store.Hold;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reconcile run asks of rollouts, each on the run's one environment read: {@link Rollouts} follows,
 * verifies and rolls back; {@link #NONE} follows nothing (deployments are started and looked at again soon).
 */
public interface RolloutControl {

    /** Deployments are not followed: no quarantine, no holds, nothing monitored. */
    RolloutControl NONE = new RolloutControl() {
        private static final Duration LOOK_AGAIN = Duration.ofSeconds(15);

        @Override
        public Rollouts.QuarantineCheck quarantine(DesiredEnvironment environment, String environmentId,
                String fingerprint, ObservedEnvironment observed) {
            return new Rollouts.QuarantineCheck(Optional.empty(), List.of());
        }

        @Override
        public List<Hold> held(DesiredEnvironment environment) {
            return List.of();
        }

        @Override
        public RolloutGate follow(DesiredEnvironment environment, String environmentId, String fingerprint,
                String provenance, ObservedEnvironment observed, boolean changesRailway) {
            return new RolloutGate.Proceed();
        }

        @Override
        public RolloutGate started(DesiredEnvironment environment, String environmentId, String fingerprint,
                String provenance, Map<String, String> deployments, Map<String, String> backups) {
            return new RolloutGate.Wait(fingerprint, LOOK_AGAIN, "DeploymentsStarted");
        }

        @Override
        public RolloutGate monitor(DesiredEnvironment environment, String environmentId, String fingerprint,
                String provenance, ObservedEnvironment observed) {
            return new RolloutGate.Proceed();
        }
    };

    /** The quarantine of {@code fingerprint}, lifting an older one (and releasing what it held). */
    Rollouts.QuarantineCheck quarantine(DesiredEnvironment environment, String environmentId, String fingerprint,
            ObservedEnvironment observed);

    /** Services held on their last verified source. */
    List<Hold> held(DesiredEnvironment environment);

    /** Moves the rollout under way one step; {@code changesRailway}: whether a newer fingerprint may pre-empt it. */
    RolloutGate follow(DesiredEnvironment environment, String environmentId, String fingerprint, String provenance,
            ObservedEnvironment observed, boolean changesRailway);

    /** Begins following the deployments a run started ({@code backups}: pre-migration backups per service). */
    RolloutGate started(DesiredEnvironment environment, String environmentId, String fingerprint, String provenance,
            Map<String, String> deployments, Map<String, String> backups);

    /** After the soak: verified services watched, as the policy says. */
    RolloutGate monitor(DesiredEnvironment environment, String environmentId, String fingerprint, String provenance,
            ObservedEnvironment observed);
}
