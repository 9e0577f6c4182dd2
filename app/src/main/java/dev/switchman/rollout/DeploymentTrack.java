package dev.switchman.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment followed by a rollout (the new one, or the one a rollback made): where it is,
 * its verification round state and, when it ended badly, why.
 */
final class DeploymentTrack {

    enum Stage { DEPLOYING, VERIFYING, VERIFIED, FAILED }

    /** One verification round: when it ran and, when it failed, the first check that did and why. */
    record Round(Instant at, String failedCheck, String reason) {

        boolean passed() {
            return failedCheck == null;
        }
    }

    /** Enough for any soak the status page draws; a longer one keeps its latest rounds. */
    private static final int ROUNDS_KEPT = 120;

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
    /** When it was verified or failed, null while it goes. */
    Instant settledAt;
    /** The verification rounds so far, oldest first (in memory: a restart starts them over, like the checks). */
    final List<Round> rounds = new ArrayList<>();

    DeploymentTrack(String deploymentId) {
        this.deploymentId = deploymentId;
    }

    boolean done() {
        return stage == Stage.VERIFIED || stage == Stage.FAILED;
    }

    /** @param failed the first check that failed in the round, null when every check passed */
    void round(Instant at, CheckResult failed) {
        if (rounds.size() == ROUNDS_KEPT) {
            rounds.remove(0);
        }
        rounds.add(failed == null ? new Round(at, null, null) : new Round(at, failed.check(), failed.reason()));
    }

    void verified(Instant at) {
        stage = Stage.VERIFIED;
        settledAt = at;
    }

    void fail(String why, Instant at) {
        stage = Stage.FAILED;
        settledAt = at;
        reason = why;
        failedAt = at;
    }
}
