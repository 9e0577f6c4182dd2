package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the reconciler asks of Railway. Every method is one logical call that may cost more than
 * one request (pagination, rollback lookup); each request passes the API budget.
 *
 * <p>Failures are {@link RailwayException}s. Writes marked non-idempotent in {@link Operation}
 * (deploy, rollback, service create, backup create) are never repeated after a response that
 * may have acted: a {@link RailwayException.Transient} with {@code mayHaveTakenEffect} means
 * "re-read state before trying again".
 */
public interface RailwayApi {

    /**
     * One environment's whole state in one request (more only past 500 services): the raw
     * {@code data.environment} node, with all serviceInstances pages merged into one edge list.
     */
    JsonNode environmentState(String environmentId);

    /**
     * Several environments' state in one request (what {@link #environmentState} answers, per environment id);
     * an environment that cannot be read this way (more service instances than one page) is left out.
     */
    Map<String, JsonNode> environmentStates(List<String> environmentIds);

    /** The project's environments and services (all pages), to map names to ids. */
    ProjectTopology projectTopology(String projectId);

    /**
     * The id of the project named exactly {@code name} that the token can see: a project token's
     * own project (one request), else every project of the account or workspace, page by page.
     *
     * @return empty when the token sees no project of that name
     * @throws RailwayException.Rejected when it sees more than one (the message names them)
     */
    Optional<String> findProjectId(String name);

    /** Changes settings of one service in one environment (always scoped to that environment). */
    void updateServiceInstance(ServiceInstanceUpdate update);

    void updateLimits(LimitsUpdate update);

    /** Sets variables in one request; redeploys users of them unless {@code skipDeploys}. */
    void upsertVariables(VariablesUpsert upsert);

    void deleteVariable(VariableDeletion deletion);

    /**
     * Deep-merges {@code patch} into the environment config and commits it now (affected services
     * redeploy).
     *
     * @return Railway's answer (a patch or workflow id, not documented)
     */
    String commitPatch(String environmentId, JsonNode patch, String commitMessage);

    /** Stages {@code changes} without committing: merged into the staged patch, or replacing it. */
    StagedPatch stageChanges(String environmentId, JsonNode changes, boolean merge);

    /** Commits the whole staged patch (anyone's staged edits too). */
    String commitStagedChanges(String environmentId, String commitMessage, boolean skipDeploys);

    /**
     * Starts a deployment of the service's current source.
     *
     * @param commitSha a commit to deploy, or null for the configured source
     * @return the new deployment's id
     */
    String deploy(String serviceId, String environmentId, String commitSha);

    /**
     * Rolls back to {@code target} (which must have {@code canRollback}); Railway answers only
     * true/false, so the new deployment is found by listing the service's deployments before and
     * after (three requests).
     */
    Rollback rollback(Deployment target);

    Deployment deployment(String deploymentId);

    /**
     * The steps {@code deploymentId} went through, oldest first (by createdAt), all pages: which step
     * failed and Railway's error for it, which a FAILED status does not say.
     */
    List<DeploymentEvent> deploymentEvents(String deploymentId);

    /** The service's most recent deployments in the environment, newest first (by createdAt). */
    List<Deployment> deployments(String serviceId, String environmentId, int limit);

    ProjectTopology.Service createService(ServiceCreation creation);

    /** Removes a service from one environment only. */
    void deleteService(String serviceId, String environmentId);

    /**
     * Creates a volume mounted at {@code mountPath} on one service in this one environment. Not
     * idempotent: after a lost answer re-read the environment before sending it again.
     */
    CreatedVolume createVolume(String projectId, String environmentId, String serviceId, String mountPath);

    /** Moves a volume's mount point in one environment only. */
    void updateVolumeMountPath(String volumeId, String environmentId, String mountPath);

    /** Sets the complete set of backup schedule kinds (DAILY, WEEKLY, MONTHLY); empty clears. */
    void updateBackupSchedule(String volumeInstanceId, Set<String> kinds);

    /** Starts a manual volume backup; returns the workflow id to follow with {@link #workflowStatus}. */
    String createVolumeBackup(String volumeInstanceId, String name);

    List<VolumeBackup> volumeBackups(String volumeInstanceId);

    WorkflowResult workflowStatus(String workflowId);
}
