package dev.switchman.rollout;

import java.util.Locale;

/**
 * What a Railway deployment status means for a rollout. Railway's enum grows; a status this
 * version does not know is {@link #UNKNOWN}: still going, until the rollout's time bound.
 */
public enum DeploymentPhase {
    /** INITIALIZING, QUEUED, WAITING, NEEDS_APPROVAL, BUILDING, DEPLOYING. */
    GOING,
    /** SUCCESS: serving. */
    SUCCEEDED,
    /** SLEEPING: serverless and idle; it wakes on a request and is not dead. */
    SLEEPING,
    /** FAILED: build, pre-deploy command or healthcheck failed; the old deployment keeps serving. */
    FAILED,
    /** CRASHED: it was running and stopped. */
    CRASHED,
    /** REMOVED, REMOVING, SKIPPED: replaced or never run. */
    GONE,
    UNKNOWN;

    public static DeploymentPhase of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "INITIALIZING", "QUEUED", "WAITING", "NEEDS_APPROVAL", "BUILDING", "DEPLOYING" -> GOING;
            case "SUCCESS" -> SUCCEEDED;
            case "SLEEPING" -> SLEEPING;
            case "FAILED" -> FAILED;
            case "CRASHED" -> CRASHED;
            case "REMOVED", "REMOVING", "SKIPPED" -> GONE;
            default -> UNKNOWN;
        };
    }

    /** Whether the deployment is up (or asleep, which is up for a serverless service). */
    public boolean running() {
        return this == SUCCEEDED || this == SLEEPING;
    }

    /** Whether the deployment still has somewhere to go. */
    public boolean pending() {
        return this == GOING || this == UNKNOWN;
    }
}
