package dev.switchman.railway;

import java.time.Instant;

/**
 * One step of a deployment as Railway reports it ({@code deploymentEvents}): a FAILED deployment
 * says which step failed only here.
 *
 * @param step Railway's DeploymentEventStep as a string (BUILD_IMAGE, PRE_DEPLOY_COMMAND,
 *        HEALTHCHECK, DRAIN_INSTANCES, ...), so values added later are kept
 * @param completedAt null while the step runs
 * @param error the step's error text when it failed, else null
 */
public record DeploymentEvent(String id, String step, Instant createdAt, Instant completedAt, String error,
        String reason, String detail, Integer attempt, Integer maxAttempts, Integer durationMs, Boolean skipped) {

    public static final String PRE_DEPLOY_COMMAND = "PRE_DEPLOY_COMMAND";
    public static final String HEALTHCHECK = "HEALTHCHECK";

    /** Whether this step failed (Railway gave an error for it). */
    public boolean failed() {
        return error != null && !error.isBlank();
    }
}
