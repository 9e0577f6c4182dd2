package dev.switchman.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Output shapes for the GraphQL types, as maps keyed by field name. Fields with arguments or lazy
 * lists are resolved by {@link TypeFetchers} from the entity kept under {@link #ENTITY}.
 */
final class Views {

    static final String ENTITY = "__entity";
    private final SandboxState state;
    private final DeploymentLifecycle lifecycle;

    Views(SandboxState state, DeploymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    Map<String, Object> project(ProjectEntity p) {
        Map<String, Object> m = new HashMap<>();
        m.put(ENTITY, p);
        m.put("id", p.id);
        m.put("name", p.name);
        m.put("workspaceId", p.workspaceId);
        m.put("createdAt", p.createdAt);
        return m;
    }

    Map<String, Object> volume(VolumeEntity v) {
        Map<String, Object> m = new HashMap<>();
        m.put(ENTITY, v);
        m.put("id", v.id);
        m.put("name", v.name);
        m.put("projectId", v.projectId);
        m.put("createdAt", v.createdAt);
        return m;
    }

    Map<String, Object> environment(EnvironmentEntity e) {
        Map<String, Object> m = new HashMap<>();
        m.put(ENTITY, e);
        m.put("id", e.id);
        m.put("name", e.name);
        m.put("projectId", e.projectId);
        m.put("isEphemeral", e.ephemeral);
        m.put("createdAt", e.createdAt);
        m.put("configEtag", e.configEtag());
        m.put("unmergedChangesCount", e.unmergedChangesCount());
        return m;
    }

    Map<String, Object> service(ServiceEntity s) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("projectId", s.projectId);
        m.put("icon", s.icon);
        m.put("createdAt", s.createdAt);
        return m;
    }

    Map<String, Object> serviceInstance(EnvironmentEntity env, String serviceId) {
        Map<String, Object> cfg = state.serviceConfig(env, serviceId);
        ServiceInstanceSettings settings = new ServiceInstanceSettings(cfg);
        Map<String, Object> m = settings.read();
        m.put("id", state.serviceInstanceId(env.id, serviceId));
        m.put("serviceId", serviceId);
        m.put("serviceName", state.service(serviceId).name);
        m.put("environmentId", env.id);
        m.put("createdAt", env.createdAt);
        List<DeploymentEntity> deployments = state.deploymentsOf(env.id, serviceId);
        m.put("latestDeployment", deployments.isEmpty() ? null : deployment(deployments.get(0)));
        m.put("activeDeployments", deployments.stream().filter(DeploymentEntity::active).map(this::deployment).toList());
        return m;
    }

    Map<String, Object> deployment(DeploymentEntity d) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", d.id);
        m.put("status", d.status);
        m.put("statusUpdatedAt", d.statusUpdatedAt);
        m.put("createdAt", d.createdAt);
        m.put("canRedeploy", lifecycle.canRedeploy(d));
        m.put("canRollback", lifecycle.canRollback(d));
        m.put("deploymentStopped", d.stopped);
        m.put("meta", d.meta);
        m.put("serviceId", d.serviceId);
        m.put("environmentId", d.environmentId);
        m.put("projectId", d.projectId);
        m.put("snapshotId", d.id);
        String domain = AppDomains.firstDomain(d.serviceConfig);
        m.put("staticUrl", domain);
        m.put("url", domain == null ? null : "https://" + domain);
        m.put("instances", instances(d));
        m.put("diagnosis", null);
        return m;
    }

    /**
     * One {@code DeploymentEvent}. Railway's reference does not document the payload's texts or
     * which fields it fills: the sandbox gives {@code error} on a failed step and {@code durationMs}
     * on a finished one; a pre-deploy command is never retried, so it is attempt 1 of 1.
     */
    Map<String, Object> deploymentEvent(StepEvent e) {
        boolean done = e.completedAt != null && !e.completedAt.isAfter(state.now());
        Map<String, Object> payload = new HashMap<>();
        payload.put("error", done ? e.error : null);
        payload.put("durationMs", done ? (int) Duration.between(e.createdAt, e.completedAt).toMillis() : null);
        boolean preDeploy = "PRE_DEPLOY_COMMAND".equals(e.step);
        payload.put("attempt", preDeploy ? 1 : null);
        payload.put("maxAttempts", preDeploy ? 1 : null);
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id);
        m.put("step", e.step);
        m.put("createdAt", e.createdAt);
        m.put("completedAt", done ? e.completedAt : null);
        m.put("payload", payload);
        return m;
    }

    private List<Map<String, Object>> instances(DeploymentEntity d) {
        String status = switch (d.status) {
            case "SUCCESS" -> d.stopped ? "STOPPED" : "RUNNING";
            case "CRASHED" -> "CRASHED";
            case "DEPLOYING" -> "INITIALIZING";
            case "REMOVING" -> "REMOVING";
            default -> null;
        };
        List<Map<String, Object>> out = new ArrayList<>();
        if (status != null) {
            int replicas = d.setting("deploy", "numReplicas") instanceof Number n ? n.intValue() : 1;
            for (int i = 0; i < replicas; i++) {
                out.add(Map.of("id", state.ids.named("instance", d.id + "/" + i), "status", status));
            }
        }
        return out;
    }

    Map<String, Object> patch(EnvironmentEntity env, String id, Map<String, Object> patch, String status) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("environmentId", env.id);
        m.put("status", status);
        m.put(ENTITY, JsonTree.copyMap(patch));
        m.put("createdAt", env.stagedAt == null ? state.now() : env.stagedAt);
        return m;
    }
}
