package dev.switchman.rollout;

import java.time.Instant;

/**
 * One deployment followed by a rollout (the new one, or the one a rollback made): where it is,
 * its verification round state and, when it ended badly, why.
 */
final class DeploymentTrack {

    enum Stage { DEPLOYING, VERIFYING, VERIFIED, FAILED }

    final String deploymentId;
    Stage stage = Stage.DEPLOYING;
    String status;
    Instant soakEndsAt;
    Instant nextCheckAt;
    int consecutiveFailures;
    boolean degraded;
    /** Whether this deployment ran (reached SUCCESS) and so replaced the one before it. */
    boolean ran;
    String reason;
    /** Whether it failed in the pre-deploy command that runs the service's migration. */
    boolean migrationFailed;
    /** When the failing check crossed its threshold (for the failed-verdict-to-rollback metric). */
    Instant failedAt;

    DeploymentTrack(String deploymentId) {
        this.deploymentId = deploymentId;
    }

    boolean done() {
        return stage == Stage.VERIFIED || stage == Stage.FAILED;
    }

    void fail(String why, Instant at) {
        stage = Stage.FAILED;
        reason = why;
        failedAt = at;
    }
}
