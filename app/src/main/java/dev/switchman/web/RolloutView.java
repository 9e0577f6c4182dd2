package dev.switchman.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One rollout as the status API shows it: the revision, its state ({@code InProgress},
 * {@code Succeeded}, {@code Failed}, {@code RolledBack}, {@code Superseded}), the verdict and its
 * reason, and per service the deployment id, stage, rollback target and rollback deployment. {@code revision}
 * is the environment's fingerprint, {@code provenance} the commit or content revision it was read at, and
 * {@code owner} null when the daemon follows it (else the command that does, e.g. a rollback by hand).
 */
public record RolloutView(long id, String revision, String provenance, String state, String verdict, String reason,
        JsonNode services, String owner, Instant startedAt, Instant updatedAt) {
}
