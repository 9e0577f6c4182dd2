package dev.switchman.web;

import java.time.Instant;

/**
 * A service held on its last verified source after a rollback: Railway's settings name {@code image} (or pin
 * {@code commitSha}) of {@code deploymentId} until a newer revision or {@code switchman retry}.
 *
 * @param revision the fingerprint whose rollout failed
 */
public record HoldView(String service, String deploymentId, String image, String commitSha, String revision,
        String reason, Instant since) {
}
