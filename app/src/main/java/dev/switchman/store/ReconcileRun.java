package dev.switchman.store;

import java.time.Instant;

/**
 * One reconcile of one environment, as stored.
 *
 * @param revision the environment's fingerprint reconciled toward, null when none was valid
 * @param provenance the commit or content revision of the tree it was read at, null when not known
 * @param trigger what asked for the run, for example {@code timer}, {@code webhook}, {@code cli}
 * @param finishedAt null while the run is in progress
 * @param result how it ended (for example {@code Converged}, {@code Stalled}), null while running
 * @param summaryJson a JSON object summarising the run, null when none was recorded
 * @param error what went wrong, null when nothing did
 */
public record ReconcileRun(
        long id,
        String project,
        String environment,
        String revision,
        String provenance,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        String result,
        String summaryJson,
        String error) {

    public boolean finished() {
        return finishedAt != null;
    }
}
