package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variable writes and environment patches. Both become config patches; variable writes redeploy
 * the affected services unless {@code skipDeploys} (variableDelete has no such flag and always does).
 */
final class ConfigMutations {

    private final SandboxEngine engine;
    private final SandboxState state;

    ConfigMutations(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("variableUpsert", env -> {
                    Map<String, Object> in = env.getArgument("input");
                    Map<String, Object> vars = new HashMap<>();
                    vars.put((String) in.get("name"), Map.of("value", in.get("value")));
                    return writeVariables(env, in, vars);
                })
                .dataFetcher("variableCollectionUpsert", this::collectionUpsert)
                .dataFetcher("variableDelete", env -> {
                    Map<String, Object> in = env.getArgument("input");
                    Map<String, Object> vars = new HashMap<>();
                    vars.put((String) in.get("name"), null);
                    return writeVariables(env, in, vars);
                })
                .dataFetcher("environmentPatchCommit", env -> {
                    EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
                    Map<String, Object> patch = env.getArgument("patch");
                    engine.commits().commit(e, patch == null ? Map.of() : patch, false);
                    return state.ids.next("patch");
                })
                .dataFetcher("environmentStageChanges", this::stageChanges)
                .dataFetcher("environmentPatchCommitStaged", this::commitStaged));
    }

    @SuppressWarnings("unchecked")
    private Object collectionUpsert(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Map<String, Object> vars = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(in.get("replace"))) {
            EnvironmentEntity e = engine.environment(env, (String) in.get("environmentId"));
            VariableStore.raw(e, (String) in.get("serviceId"), true).keySet().forEach(name -> vars.put(name, null));
        }
        ((Map<String, Object>) in.get("variables")).forEach((k, v) -> vars.put(k, Map.of("value", String.valueOf(v))));
        return writeVariables(env, in, vars);
    }

    private boolean writeVariables(DataFetchingEnvironment env, Map<String, Object> in, Map<String, Object> vars) {
        EnvironmentEntity e = engine.environment(env, (String) in.get("environmentId"));
        if (!e.projectId.equals(in.get("projectId"))) {
            throw SandboxException.notFound("Environment");
        }
        String serviceId = (String) in.get("serviceId");
        Map<String, Object> patch = new HashMap<>();
        if (serviceId == null) {
            patch.put("sharedVariables", vars);
        } else {
            state.serviceConfig(e, serviceId);
            patch.put("services", Map.of(serviceId, Map.of("variables", vars)));
        }
        engine.commits().commit(e, patch, Boolean.TRUE.equals(in.get("skipDeploys")));
        return true;
    }

    private Object stageChanges(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
        Map<String, Object> input = env.getArgument("input");
        if (!Boolean.TRUE.equals(env.getArgument("merge"))) {
            e.staged = new LinkedHashMap<>();
        }
        JsonTree.mergeKeepingNulls(e.staged, input);
        if (e.stagedPatchId == null) {
            e.stagedPatchId = state.ids.next("patch");
        }
        e.stagedAt = state.now();
        return engine.views().patch(e, e.stagedPatchId, e.staged, "STAGED");
    }

    /** Commits the whole staged patch, whoever staged it. */
    private Object commitStaged(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
        if (e.staged == null || e.staged.isEmpty()) {
            throw SandboxException.badInput("No staged changes to commit");
        }
        String id = e.stagedPatchId == null ? state.ids.next("patch") : e.stagedPatchId;
        Map<String, Object> staged = e.staged;
        e.staged = new LinkedHashMap<>();
        e.stagedPatchId = null;
        engine.commits().commit(e, staged, Boolean.TRUE.equals(env.getArgument("skipDeploys")));
        return id;
    }
}
