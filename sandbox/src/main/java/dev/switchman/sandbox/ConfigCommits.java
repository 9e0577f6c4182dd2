package dev.switchman.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commits EnvironmentConfig patches: {@code isDeleted}/{@code isCreated} flags, deep merge with null
 * deletes, a new etag when anything changed, and redeploys of the affected services unless skipped.
 * Variable writes, patch commits and dashboard edits all go through here.
 */
final class ConfigCommits {

    private final SandboxState state;
    private final Deployer deployer;

    ConfigCommits(SandboxState state, Deployer deployer) {
        this.state = state;
        this.deployer = deployer;
    }

    /** Returns the ids of the services that were redeployed. */
    @SuppressWarnings("unchecked")
    List<String> commit(EnvironmentEntity env, Map<String, Object> patch, boolean skipDeploys) {
        Map<String, Object> work = JsonTree.copyMap(patch);
        Set<String> affected = new LinkedHashSet<>();
        if (work.get("services") instanceof Map<?, ?> services) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) services).entrySet()) {
                if (e.getValue() instanceof Map<?, ?> svc) {
                    Map<String, Object> s = (Map<String, Object>) svc;
                    if (Boolean.TRUE.equals(s.get("isDeleted"))) {
                        removeService(env, e.getKey());
                        e.setValue(null);
                        continue;
                    }
                    if (Boolean.TRUE.equals(s.remove("isCreated"))) {
                        ServiceEntity entity = state.service(e.getKey());
                        AppDomains.assign(s, entity.name, env.name);
                    }
                    affected.add(e.getKey());
                    if (s.containsKey("variables")) {
                        affected.addAll(referrers(env, state.service(e.getKey()).name));
                    }
                }
            }
        }
        if (work.get("volumes") instanceof Map<?, ?> volumes) {
            ((Map<String, Object>) volumes).replaceAll((id, v) -> {
                if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("isDeleted"))) {
                    return null;
                }
                if (v instanceof Map<?, ?> m) {
                    m.remove("isCreated");
                }
                return v;
            });
        }
        if (work.containsKey("sharedVariables")) {
            affected.addAll(referrers(env, "shared"));
        }
        state.changeConfig(env, config -> JsonTree.merge(config, work));
        if (skipDeploys) {
            return List.of();
        }
        deployer.redeployAffected(env, affected);
        return new ArrayList<>(affected);
    }

    private List<String> referrers(EnvironmentEntity env, String owner) {
        return env.services().keySet().stream().filter(id -> VariableStore.refersTo(env, id, owner)).toList();
    }

    /** A service leaving an environment takes its deployments down with it. */
    void removeService(EnvironmentEntity env, String serviceId) {
        state.changeConfig(env, config -> env.services().remove(serviceId));
        for (DeploymentEntity d : state.deploymentsOf(env.id, serviceId)) {
            if (!"REMOVED".equals(d.status)) {
                d.stopped = true;
                d.moveTo("REMOVED", state.now(), null);
            }
        }
    }
}
