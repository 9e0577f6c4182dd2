package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;

/** Root query fields. */
final class QueryFetchers {

    private final SandboxEngine engine;
    private final SandboxState state;

    QueryFetchers(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("project", env -> engine.views().project(engine.project(env, env.getArgument("id"))))
                .dataFetcher("environment", this::environment)
                .dataFetcher("environments", this::environments)
                .dataFetcher("deployment", env -> engine.views().deployment(engine.deployment(env, env.getArgument("id"))))
                .dataFetcher("deployments", this::deployments)
                .dataFetcher("deploymentEvents", env -> RelayPage.of(engine.deployment(env, env.getArgument("id")).events,
                        env, e -> e.id, engine.views()::deploymentEvent))
                .dataFetcher("serviceInstance", env -> engine.views().serviceInstance(
                        engine.environment(env, env.getArgument("environmentId")), env.getArgument("serviceId")))
                .dataFetcher("variables", this::variables)
                .dataFetcher("environmentStagedChanges", this::stagedChanges)
                .dataFetcher("volumeInstanceBackupList", env -> engine.volumes().backups(instance(env)))
                .dataFetcher("volumeInstanceBackupScheduleList", env -> engine.volumes().schedules(instance(env)))
                .dataFetcher("workflowStatus", this::workflowStatus)
                .dataFetcher("me", this::me));
    }

    private Object environment(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("id"));
        String projectId = env.getArgument("projectId");
        if (projectId != null && !projectId.equals(e.projectId)) {
            throw SandboxException.notFound("Environment");
        }
        return engine.views().environment(e);
    }

    private Object environments(DataFetchingEnvironment env) {
        ProjectEntity p = engine.project(env, env.getArgument("projectId"));
        return RelayPage.of(engine.visibleEnvironments(env, p), env, e -> e.id, engine.views()::environment);
    }

    @SuppressWarnings("unchecked")
    private Object deployments(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Caller caller = SandboxEngine.caller(env);
        caller.requireAny();
        String projectId = (String) input.get("projectId");
        String environmentId = (String) input.get("environmentId");
        String serviceId = (String) input.get("serviceId");
        if (environmentId != null) {
            engine.environment(env, environmentId);
        } else if (projectId != null) {
            engine.project(env, projectId);
        }
        Map<String, Object> status = (Map<String, Object>) input.get("status");
        List<String> in = status == null ? null : (List<String>) status.get("in");
        List<String> notIn = status == null ? null : (List<String>) status.get("notIn");
        boolean includeDeleted = Boolean.TRUE.equals(input.get("includeDeleted"));
        List<DeploymentEntity> list = state.newestFirst().stream()
                .filter(d -> projectId == null || d.projectId.equals(projectId))
                .filter(d -> environmentId == null || d.environmentId.equals(environmentId))
                .filter(d -> serviceId == null || serviceId.equals(d.serviceId))
                .filter(d -> in == null || in.contains(d.status))
                .filter(d -> notIn == null || !notIn.contains(d.status))
                .filter(d -> includeDeleted || state.environments.get(d.environmentId).serviceConfig(d.serviceId) != null)
                .filter(d -> caller.seesEnvironment(state.environments.get(d.environmentId)))
                .filter(d -> caller.token().kind() != SandboxToken.Kind.WORKSPACE
                        || state.projects.get(d.projectId).workspaceId.equals(caller.token().workspaceId()))
                .toList();
        return RelayPage.of(list, env, d -> d.id, engine.views()::deployment);
    }

    private Object variables(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
        if (!e.projectId.equals(env.getArgument("projectId"))) {
            throw SandboxException.notFound("Environment");
        }
        String serviceId = env.getArgument("serviceId");
        if (serviceId != null) {
            state.serviceConfig(e, serviceId);
        }
        return Boolean.TRUE.equals(env.getArgument("unrendered"))
                ? VariableStore.raw(e, serviceId, false)
                : VariableStore.rendered(e, state, serviceId, false);
    }

    private Object stagedChanges(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
        if (e.stagedPatchId == null) {
            e.stagedPatchId = state.ids.next("patch");
            e.stagedAt = state.now();
        }
        return engine.views().patch(e, e.stagedPatchId, e.staged, "STAGED");
    }

    private VolumeViews.Instance instance(DataFetchingEnvironment env) {
        SandboxEngine.caller(env).requireAny();
        VolumeViews.Instance instance = engine.volumes().instance(env.getArgument("volumeInstanceId"));
        SandboxEngine.caller(env).requireEnvironment(state, instance.environment());
        return instance;
    }

    private Object workflowStatus(DataFetchingEnvironment env) {
        SandboxEngine.caller(env).requireAny();
        WorkflowEntity w = state.workflows.get((String) env.getArgument("workflowId"));
        if (w == null) {
            return Map.of("status", "NotFound");
        }
        String status = w.status(state.now());
        return w.error == null || !"Error".equals(status) ? Map.of("status", status) : Map.of("status", status, "error", w.error);
    }

    private Object me(DataFetchingEnvironment env) {
        Caller caller = SandboxEngine.caller(env);
        if (caller.token() == null || caller.token().kind() != SandboxToken.Kind.ACCOUNT) {
            throw SandboxException.notAuthorized();
        }
        return state.user;
    }
}
