package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.Map;

/** environmentCreate: empty, or a copy of a source environment's config (applied or staged). */
final class EnvironmentMutations {

    private final SandboxEngine engine;
    private final SandboxState state;

    EnvironmentMutations(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t.dataFetcher("environmentCreate", this::environmentCreate));
    }

    private Object environmentCreate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        ProjectEntity project = engine.project(env, (String) input.get("projectId"));
        SandboxEngine.caller(env).requireProjectWide(project);
        String name = (String) input.get("name");
        if (state.environmentsOf(project.id, true).stream().anyMatch(e -> e.name.equals(name))) {
            throw SandboxException.badInput("Environment " + name + " already exists");
        }
        EnvironmentEntity created = create(project, name, Boolean.TRUE.equals(input.get("ephemeral")));
        String sourceId = (String) input.get("sourceEnvironmentId");
        if (sourceId != null) {
            EnvironmentEntity source = engine.environment(env, sourceId);
            Map<String, Object> copy = JsonTree.copyMap(source.config);
            Map<String, Object> services = JsonTree.path(copy, false, "services");
            if (services != null) {
                services.forEach((id, svc) -> {
                    if (svc instanceof Map<?, ?> m) {
                        m.remove("networking");
                    }
                });
            }
            if (Boolean.TRUE.equals(input.get("stageInitialChanges"))) {
                created.staged = copy;
                created.stagedPatchId = state.ids.next("patch");
                created.stagedAt = state.now();
            } else {
                flagCreated(copy);
                engine.commits().commit(created, copy, Boolean.TRUE.equals(input.get("skipInitialDeploys")));
            }
        }
        return engine.views().environment(created);
    }

    /** Services copied into a new environment get their own domains, as isCreated services do. */
    @SuppressWarnings("unchecked")
    private static void flagCreated(Map<String, Object> config) {
        Map<String, Object> services = JsonTree.path(config, false, "services");
        if (services != null) {
            services.values().forEach(svc -> ((Map<String, Object>) svc).put("isCreated", true));
        }
    }

    EnvironmentEntity create(ProjectEntity project, String name, boolean ephemeral) {
        EnvironmentEntity e = new EnvironmentEntity(state.ids.named("environment", project.name + "/" + name),
                project.id, name, ephemeral, state.now());
        e.staged = new LinkedHashMap<>();
        state.environments.put(e.id, e);
        project.environmentIds.add(e.id);
        return e;
    }
}
