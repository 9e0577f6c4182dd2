package dev.switchman.observed;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Railway deployment.
 *
 * @param status Railway's status as a string, so a status added later is kept rather than lost
 * @param deploymentStopped every instance stopped (SUCCESS + stopped = completed, for cron jobs)
 * @param meta Railway's free-form deployment metadata (commitHash, image, ...)
 */
public record ObservedDeployment(
        String id,
        String status,
        Instant createdAt,
        Instant statusUpdatedAt,
        boolean canRollback,
        boolean canRedeploy,
        boolean deploymentStopped,
        Map<String, Object> meta) {

    public ObservedDeployment {
        meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }
}
