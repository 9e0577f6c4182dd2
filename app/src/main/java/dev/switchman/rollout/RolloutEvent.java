package dev.switchman.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a rollout or to a running service, for whoever wants to hear it
 * (notifications, logs). Every event names its environment ({@code project/name}), the service it
 * is about ({@code null} when it is about the whole environment), the desired revision and when it
 * happened. Reasons are Railway's words or the failing check with its HTTP status, never a secret.
 *
 * <p>{@code incident} names the occurrence an event belongs to ({@code rollout-<id>} for a rollout and what
 * happens in it, {@code deployment-<id>} for a running service's health), so that the same revision failing
 * again after {@code switchman retry} is a new incident, and re-sends of one incident are recognisable.
 *
 * <p>The daemon fires each event as a CDI event ({@code @Observes RolloutEvent}) and hands it to
 * every {@link RolloutListener} given to code built without CDI.
 */
public sealed interface RolloutEvent {

    /** {@code project/name} of the environment. */
    String environment();

    /** The service the event is about, or {@code null} for the environment as a whole. */
    String service();

    /** The desired revision the rollout applies (or that is running), may be empty. */
    String revision();

    Instant at();

    /** Switchman deployed: {@code deployments} maps each service to its new deployment id. */
    record RolloutStarted(String environment, String revision, Map<String, String> deployments, String incident,
            Instant at)
            implements RolloutEvent {
        public RolloutStarted {
            deployments = Map.copyOf(deployments);
        }

        @Override
        public String service() {
            return null;
        }
    }

    /** Every deployment of the revision reached SUCCESS and passed its soak. */
    record RolloutSucceeded(String environment, String revision, Map<String, String> deployments, String incident,
            Instant at)
            implements RolloutEvent {
        public RolloutSucceeded {
            deployments = Map.copyOf(deployments);
        }

        @Override
        public String service() {
            return null;
        }
    }

    /** The rollout of {@code service} failed: Railway's FAILED/CRASHED reason or the failing check. */
    record RolloutFailed(String environment, String service, String revision, String deploymentId, String reason,
            String incident, Instant at) implements RolloutEvent {
    }

    /**
     * The migration command of {@code database}, run by Railway as {@code service}'s pre-deploy command,
     * failed: the new version never went live. Fired besides {@link RolloutFailed}, for those who follow
     * migrations rather than rollouts.
     */
    record MigrationFailed(String environment, String service, String database, String command, String revision,
            String deploymentId, String backup, String reason, String incident, Instant at) implements RolloutEvent {
    }

    /**
     * The migration command of {@code database} ran through in the pre-deploy step of {@code service}'s new
     * deployment (it reached SUCCESS, or failed only later, at its healthcheck).
     *
     * @param backup the pre-migration backup taken before the deploy, or null
     */
    record MigrationApplied(String environment, String service, String database, String command, String revision,
            String deploymentId, String backup, Instant at) implements RolloutEvent {
    }

    /**
     * {@code service} was rolled back to {@code targetDeploymentId}; {@code redeployedSource} when
     * Railway could no longer roll back to that image and the last good source was deployed instead.
     */
    record RolledBack(String environment, String service, String revision, String targetDeploymentId,
            String newDeploymentId, boolean redeployedSource, String reason, String incident, Instant at)
            implements RolloutEvent {
    }

    /** The revision will not be applied to the environment again until a newer one or {@code switchman retry}. */
    record Quarantined(String environment, String revision, String reason, String incident, Instant at)
            implements RolloutEvent {
        @Override
        public String service() {
            return null;
        }
    }

    /** A quarantine was lifted (by a newer revision or by hand). */
    record QuarantineLifted(String environment, String revision, String by, Instant at) implements RolloutEvent {
        @Override
        public String service() {
            return null;
        }
    }

    /**
     * A running service is degraded: a check failed {@code failureThreshold} rounds in a row, or the deployment
     * crashed ({@code check} null). {@code status} is the HTTP status, 0 when there was no answer.
     */
    record ServiceDegraded(String environment, String service, String revision, String check, int status,
            String reason, String incident, Instant at) implements RolloutEvent {
    }

    /** A degraded service passes its checks again; closes the matching {@link ServiceDegraded}. */
    record ServiceRecovered(String environment, String service, String revision, Instant at)
            implements RolloutEvent {
    }

    /** A deployment Switchman did not make is running ({@code corrected} once the desired revision is redeployed). */
    record DeploymentDriftDetected(String environment, String service, String revision, String deploymentId,
            boolean corrected, Instant at) implements RolloutEvent {
    }
}
