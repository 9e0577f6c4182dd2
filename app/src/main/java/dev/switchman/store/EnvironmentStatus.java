package dev.switchman.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param provenance the commit or content revision the fingerprint {@code revision} was read at
 * @param undeployed services whose configuration is not what runs, each with why (a deployment is owed)
 * @param diagnostics the errors of a newer desired state that concerns this environment and is invalid
 *     ({@code file:line:column: error: ...}); the last valid one stays in force meanwhile
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
        Instant updatedAt,
        String provenance,
        Map<String, String> undeployed,
        List<String> diagnostics) {

    public EnvironmentStatus {
        conditions = List.copyOf(conditions);
        drift = List.copyOf(drift);
        undeployed = Collections.unmodifiableMap(new LinkedHashMap<>(undeployed == null ? Map.of() : undeployed));
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    /** Without provenance, owed deployments or diagnostics. */
    public EnvironmentStatus(String project, String environment, List<EnvironmentCondition> conditions,
            String revision, String lastAppliedRevision, Long lastRunId, String lastResult, List<String> drift,
            int pendingChanges, boolean suspended, Instant updatedAt) {
        this(project, environment, conditions, revision, lastAppliedRevision, lastRunId, lastResult, drift,
                pendingChanges, suspended, updatedAt, null, Map.of(), List.of());
    }

    public Optional<EnvironmentCondition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
