package dev.switchman.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One rollout as the status API shows it: the revision, its state ({@code InProgress},
 * {@code Succeeded}, {@code Failed}, {@code RolledBack}, {@code Superseded}), the verdict and its
 * reason, and per service the deployment id, stage, rollback target and rollback deployment.
 */
public record RolloutView(long id, String revision, String state, String verdict, String reason, JsonNode services,
        Instant startedAt, Instant updatedAt) {
}
