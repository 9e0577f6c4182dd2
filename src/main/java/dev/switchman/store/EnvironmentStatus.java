package dev.switchman.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An environment's status as its last reconcile left it.
 *
 * @param conditions Ready, Reconciling and Stalled, in that order
 * @param revision the desired revision the last run acted on
 * @param lastAppliedRevision the revision Railway was last brought to, null before the first apply
 * @param lastRunId the {@link ReconcileRun} id of the last run
 * @param lastResult that run's result (Converged, Progressing, Retry, Stalled)
 * @param drift addresses that differed from the desired state at an already applied revision
 *     (for example {@code service.web.deploy.healthcheckPath}); never values
 * @param pendingChanges changes the last plan held that are not applied (drift only reported,
 *     suspended, blocked or failed); 0 when in sync
 */
public record EnvironmentStatus(
        String project,
        String environment,
        List<EnvironmentCondition> conditions,
        String revision,
        String lastAppliedRevision,
        Long lastRunId,
        String lastResult,
        List<String> drift,
        int pendingChanges,
        boolean suspended,
        Instant updatedAt) {

    public EnvironmentStatus {
        conditions = List.copyOf(conditions);
        drift = List.copyOf(drift);
    }

    public Optional<EnvironmentCondition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
