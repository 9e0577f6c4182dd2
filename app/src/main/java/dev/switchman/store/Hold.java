package dev.switchman.store;

import java.time.Instant;

/**
 * A service held on its last verified source after a rollback, until a newer revision or {@code switchman
 * retry} releases it.
 *
 * @param revision the environment fingerprint whose rollout failed
 * @param deploymentId the verified deployment the service was taken back to
 * @param image the image Railway's settings were set back to, or null for a repository service
 * @param commitSha the commit Railway's settings were pinned to, or null for an image service
 */
public record Hold(String project, String environment, String service, String revision, String deploymentId,
        String image, String commitSha, String reason, Instant at) {
}
