package dev.switchman.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Everything the sandbox holds, with lookups that raise Railway's errors for unknown ids. */
final class SandboxState {

    final SandboxClock clock;
    final SandboxIds ids;
    final LifecycleTimings timings;
    final SandboxFaults faults = new SandboxFaults();
    final Map<String, String> workspaces = new LinkedHashMap<>();
    final Map<String, SandboxToken> tokens = new LinkedHashMap<>();
    final Map<String, ProjectEntity> projects = new LinkedHashMap<>();
    final Map<String, EnvironmentEntity> environments = new LinkedHashMap<>();
    final Map<String, ServiceEntity> services = new LinkedHashMap<>();
    final Map<String, VolumeEntity> volumes = new LinkedHashMap<>();
    final Map<String, DeploymentEntity> deployments = new LinkedHashMap<>();
    final Map<String, BackupEntity> backups = new LinkedHashMap<>();
    final Map<String, WorkflowEntity> workflows = new LinkedHashMap<>();
    Map<String, Object> user = Map.of("id", "", "email", "sandbox@example.com", "name", "Sandbox User");

    SandboxState(SandboxClock clock, String seed, LifecycleTimings timings) {
        this.clock = clock;
        this.ids = new SandboxIds(seed);
        this.timings = timings;
        this.user = Map.of("id", ids.named("user", "sandbox"), "email", "sandbox@example.com", "name", "Sandbox User");
    }

    Instant now() {
        return clock.now();
    }

    ProjectEntity project(String id) {
        ProjectEntity p = projects.get(id);
        if (p == null) {
            throw SandboxException.notFound("Project");
        }
        return p;
    }

    EnvironmentEntity environment(String id) {
        EnvironmentEntity e = environments.get(id);
        if (e == null) {
            throw SandboxException.notFound("Environment");
        }
        return e;
    }

    ServiceEntity service(String id) {
        ServiceEntity s = services.get(id);
        if (s == null) {
            throw SandboxException.notFound("Service");
        }
        return s;
    }

    DeploymentEntity deployment(String id) {
        DeploymentEntity d = deployments.get(id);
        if (d == null) {
            throw SandboxException.notFound("Deployment");
        }
        return d;
    }

    VolumeEntity volume(String id) {
        VolumeEntity v = volumes.get(id);
        if (v == null) {
            throw SandboxException.notFound("Volume");
        }
        return v;
    }

    /** The service's config in an environment; an error when the service has no instance there. */
    Map<String, Object> serviceConfig(EnvironmentEntity env, String serviceId) {
        service(serviceId);
        Map<String, Object> cfg = env.serviceConfig(serviceId);
        if (cfg == null) {
            throw SandboxException.notFound("ServiceInstance");
        }
        return cfg;
    }

    /** Applies a change to an environment's config; the etag moves only if the config really changed. */
    void changeConfig(EnvironmentEntity env, Consumer<Map<String, Object>> change) {
        Object before = JsonTree.copy(env.config);
        change.accept(env.config);
        if (!JsonTree.sameJson(before, env.config)) {
            env.configChanged();
        }
    }

    /** Environments of a project in creation order; {@code includeEphemeral=false} drops PR environments. */
    List<EnvironmentEntity> environmentsOf(String projectId, boolean includeEphemeral) {
        List<EnvironmentEntity> out = new ArrayList<>();
        for (String id : project(projectId).environmentIds) {
            EnvironmentEntity e = environments.get(id);
            if (includeEphemeral || !e.ephemeral) {
                out.add(e);
            }
        }
        return out;
    }

    /** Deployments of one service instance, newest first. */
    List<DeploymentEntity> deploymentsOf(String environmentId, String serviceId) {
        return newestFirst().stream()
                .filter(d -> d.environmentId.equals(environmentId) && serviceId.equals(d.serviceId))
                .toList();
    }

    /** All deployments, newest first; creation order breaks ties on a virtual clock that stood still. */
    List<DeploymentEntity> newestFirst() {
        List<DeploymentEntity> all = new ArrayList<>(deployments.values());
        Collections.reverse(all);
        return all;
    }

    String serviceInstanceId(String environmentId, String serviceId) {
        return ids.named("serviceInstance", environmentId + "/" + serviceId);
    }
}
