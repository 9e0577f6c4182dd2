package dev.switchman.store;

import java.time.Instant;

/**
 * One rollout as recorded: {@code state} is {@code InProgress}, {@code Succeeded}, {@code Failed},
 * {@code RolledBack}, {@code Superseded} or {@code ManualRollback}; {@code servicesJson} holds each
 * service's deployment id, stage, verdict and rollback target.
 */
public record RolloutRow(long id, String project, String environment, String revision, String state, String verdict,
        String reason, String servicesJson, Instant startedAt, Instant updatedAt) {
}
