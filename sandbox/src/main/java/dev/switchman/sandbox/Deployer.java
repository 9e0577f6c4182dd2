package dev.switchman.sandbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates deployments: from the current config, from a previous deployment, or as a rollback. */
final class Deployer {

    private final SandboxState state;
    private final DeploymentLifecycle lifecycle;

    Deployer(SandboxState state, DeploymentLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    /** serviceInstanceDeployV2 and config-triggered deploys: the current source, settings and variables. */
    DeploymentEntity deployCurrent(EnvironmentEntity env, String serviceId, String commitSha) {
        Map<String, Object> config = JsonTree.copyMap(state.serviceConfig(env, serviceId));
        return start(env, serviceId, config, VariableStore.rendered(env, state, serviceId, true), commitSha, isRepo(config));
    }

    /** A new deployment of {@code from}'s source with current settings; rebuilds only when asked. */
    DeploymentEntity redeploy(DeploymentEntity from, boolean rebuild) {
        EnvironmentEntity env = state.environment(from.environmentId);
        Map<String, Object> config = JsonTree.copyMap(state.serviceConfig(env, from.serviceId));
        config.put("source", JsonTree.copy(from.serviceConfig.get("source")));
        boolean builds = rebuild && isRepo(config);
        String commit = (String) from.meta.get("commitHash");
        return start(env, from.serviceId, config, VariableStore.rendered(env, state, from.serviceId, true), commit, builds);
    }

    /** deploymentRollback: the old deployment's image, settings and variables; nothing is built. */
    DeploymentEntity rollback(DeploymentEntity from) {
        if (!lifecycle.canRollback(from)) {
            throw SandboxException.badInput("Deployment cannot be rolled back");
        }
        EnvironmentEntity env = state.environment(from.environmentId);
        state.serviceConfig(env, from.serviceId);
        return start(env, from.serviceId, JsonTree.copyMap(from.serviceConfig), new LinkedHashMap<>(from.variables),
                (String) from.meta.get("commitHash"), false);
    }

    /** Redeploys each listed service that is present and has a source (variable writes, patch commits). */
    void redeployAffected(EnvironmentEntity env, Collection<String> serviceIds) {
        for (String serviceId : serviceIds) {
            Map<String, Object> cfg = env.serviceConfig(serviceId);
            if (cfg != null && cfg.get("source") instanceof Map<?, ?> src && (src.get("image") != null || src.get("repo") != null)) {
                deployCurrent(env, serviceId, null);
            }
        }
    }

    private DeploymentEntity start(EnvironmentEntity env, String serviceId, Map<String, Object> config,
            Map<String, String> variables, String commitSha, boolean builds) {
        DeploymentEntity d = create(env, serviceId, config, variables, commitSha, builds, state.faults.takeFate(serviceId));
        lifecycle.start(d);
        return d;
    }

    DeploymentEntity create(EnvironmentEntity env, String serviceId, Map<String, Object> config,
            Map<String, String> variables, String commitSha, boolean builds, DeploymentEntity.Fate fate) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (config.get("source") instanceof Map<?, ?> src) {
            if (src.get("image") != null) {
                meta.put("image", src.get("image"));
            }
            if (src.get("repo") != null) {
                meta.put("repo", src.get("repo"));
                Object branch = src.get("branch") == null ? "main" : src.get("branch");
                meta.put("branch", branch);
                Object pinned = src.get("commitSha");
                meta.put("commitHash", commitSha != null ? commitSha : pinned instanceof String commit ? commit
                        : state.ids.commitSha(src.get("repo") + "@" + branch));
            }
        }
        return new DeploymentEntity(state.ids.next("deployment"), env.projectId, env.id, serviceId, state.now(),
                config, variables, meta, builds, fate);
    }

    private static boolean isRepo(Map<String, Object> config) {
        return config.get("source") instanceof Map<?, ?> src && src.get("image") == null && src.get("repo") != null;
    }
}
