package dev.switchman.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One environment in full, as {@code GET /api/v1/environments/{name}} shows it.
 *
 * @param desiredRevision the environment's own fingerprint in the desired state in force
 * @param provenance the commit or content revision that state was read at
 * @param reconciledRevision the revision the last run acted on, null before the first run
 * @param lastAppliedRevision the revision Railway was last brought to, null before the first apply
 * @param conditions Ready, Reconciling, Stalled with reason and message, empty before the first run
 * @param drift addresses that differed from the desired state (never values)
 * @param pendingChanges changes planned but not applied (report-only drift, suspended, blocked)
 * @param suspendedBy {@code api} or {@code policy}, null when not suspended
 * @param schedule this replica's loop state, null when it has not scheduled the environment
 * @param statusUpdatedAt when the reconciler last recorded the status, null before the first run
 * @param lastRollout the newest rollout, null before the first
 * @param quarantine the quarantined revision, null when none
 * @param heldServices services held on their last verified source after a rollback
 * @param undeployed services whose configuration is not what runs (a deployment is owed), each with why
 * @param diagnostics errors of a newer desired state that concerns the environment and is invalid
 *     ({@code file:line:column: error: ...}); empty when it is valid
 */
public record EnvironmentDetail(String project, String name, String desiredRevision, String provenance,
        String reconciledRevision, String lastAppliedRevision, List<ConditionView> conditions, RunView lastRun,
        List<String> drift, int pendingChanges, boolean suspended, String suspendedBy, ScheduleView schedule,
        Instant statusUpdatedAt, RolloutView lastRollout, QuarantineView quarantine, List<HoldView> heldServices,
        Map<String, String> undeployed, List<String> diagnostics) {
}
