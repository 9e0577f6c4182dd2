package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One Railway deployment.
 *
 * @param status Railway's DeploymentStatus as a string, so values added later are kept
 * @param deploymentStopped every instance stopped (SUCCESS + stopped = a completed job)
 * @param meta Railway's free-form metadata ({@code commitHash}, {@code image}, ...), raw; may be null
 */
public record Deployment(String id, String serviceId, String environmentId, String status, Instant createdAt,
        Instant statusUpdatedAt, boolean canRedeploy, boolean canRollback, boolean deploymentStopped,
        String staticUrl, JsonNode meta) {
}
