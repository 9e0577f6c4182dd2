package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** The engine's parts, shared by the data fetcher groups. */
record SandboxEngine(SandboxState state, DeploymentLifecycle lifecycle, Deployer deployer, ConfigCommits commits,
        Views views, VolumeViews volumes) {

    static SandboxEngine create(SandboxState state) {
        DeploymentLifecycle lifecycle = new DeploymentLifecycle(state);
        Deployer deployer = new Deployer(state, lifecycle);
        return new SandboxEngine(state, lifecycle, deployer, new ConfigCommits(state, deployer),
                new Views(state, lifecycle), new VolumeViews(state));
    }

    static Caller caller(DataFetchingEnvironment env) {
        Caller caller = env.getGraphQlContext().get(Caller.class);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** Looks an environment up for a caller: "Not Authorized" before "not found" for strangers. */
    EnvironmentEntity environment(DataFetchingEnvironment env, String id) {
        Caller caller = caller(env);
        caller.requireAny();
        EnvironmentEntity e = state.environment(id);
        caller.requireEnvironment(state, e);
        return e;
    }

    /** A project's environments the caller may see, filtered by the {@code isEphemeral} argument. */
    List<EnvironmentEntity> visibleEnvironments(DataFetchingEnvironment env, ProjectEntity project) {
        Boolean ephemeral = env.getArgument("isEphemeral");
        Caller caller = caller(env);
        return state.environmentsOf(project.id, true).stream()
                .filter(e -> ephemeral == null || e.ephemeral == ephemeral)
                .filter(caller::seesEnvironment)
                .toList();
    }

    ProjectEntity project(DataFetchingEnvironment env, String id) {
        Caller caller = caller(env);
        caller.requireAny();
        ProjectEntity p = state.project(id);
        caller.requireProject(p);
        return p;
    }

    DeploymentEntity deployment(DataFetchingEnvironment env, String id) {
        Caller caller = caller(env);
        caller.requireAny();
        DeploymentEntity d = state.deployment(id);
        caller.requireEnvironment(state, state.environment(d.environmentId));
        return d;
    }
}
