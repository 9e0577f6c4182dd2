package dev.switchman.sandbox;

import java.time.Instant;

/**
 * One step of a deployment as Railway's {@code deploymentEvents} reports it: BUILD_IMAGE,
 * PRE_DEPLOY_COMMAND, HEALTHCHECK or DRAIN_INSTANCES (the steps the sandbox simulates of Railway's
 * DeploymentEventStep). {@code completedAt} may lie ahead of the clock (a drain that is planned):
 * it is shown only once reached.
 */
final class StepEvent {

    final String id;
    final String step;
    final Instant createdAt;
    Instant completedAt;
    /** Why the step failed, or null. */
    String error;

    StepEvent(String id, String step, Instant createdAt) {
        this.id = id;
        this.step = step;
        this.createdAt = createdAt;
    }
}
