package dev.switchman.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One reconcile run as the status API shows it.
 *
 * @param revision the environment's fingerprint the run reconciled toward
 * @param provenance the commit or content revision it was read at, null when not known
 * @param finishedAt null while the run is in progress
 * @param result {@code Converged}, {@code Progressing}, {@code Retry}, {@code Stalled}; null while running
 * @param summary what the reconciler recorded about the run (counts, addresses; never secret values)
 */
public record RunView(long id, String revision, String provenance, String trigger, Instant startedAt, Instant finishedAt,
        String result, String error, JsonNode summary) {
}
