package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code projects} and {@code projectToken}: what a token can see of projects as a whole.
 *
 * <p>Where Railway's reference is silent the sandbox chooses: a project token is refused
 * {@code projects} ("Not Authorized", like {@code me}); a {@code workspaceId} the token does not
 * reach and a {@code userId} other than the sandbox's one user are refused too; without
 * {@code orderBy} projects come in creation order; {@code UPDATED_AT_DESC} orders by creation
 * (the sandbox keeps no update time); {@code includeDeleted} changes nothing (projects are never
 * deleted here).
 */
final class ProjectQueries {

    private final SandboxEngine engine;
    private final SandboxState state;

    ProjectQueries(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("projects", this::projects)
                .dataFetcher("projectToken", this::projectToken));
        wiring.type("ProjectToken", t -> t.dataFetcher("project", env -> {
            Map<?, ?> token = env.getSource();
            return engine.views().project(state.project((String) token.get("projectId")));
        }));
    }

    private Object projects(DataFetchingEnvironment env) {
        Caller caller = SandboxEngine.caller(env);
        caller.requireAny();
        SandboxToken token = caller.token();
        String workspaceId = env.getArgument("workspaceId");
        String userId = env.getArgument("userId");
        boolean foreignWorkspace = workspaceId != null && (!state.workspaces.containsKey(workspaceId)
                || token.kind() == SandboxToken.Kind.WORKSPACE && !workspaceId.equals(token.workspaceId()));
        if (token.kind() == SandboxToken.Kind.PROJECT || foreignWorkspace
                || userId != null && !userId.equals(state.user.get("id"))) {
            throw SandboxException.notAuthorized();
        }
        List<ProjectEntity> visible = new ArrayList<>(state.projects.values().stream()
                .filter(p -> token.kind() != SandboxToken.Kind.WORKSPACE || p.workspaceId.equals(token.workspaceId()))
                .filter(p -> workspaceId == null || p.workspaceId.equals(workspaceId))
                .toList());
        String orderBy = env.getArgument("orderBy");
        if ("NAME_ASC".equals(orderBy)) {
            visible.sort(Comparator.comparing(p -> p.name));
        } else if (orderBy != null) {
            visible = visible.reversed();
        }
        return RelayPage.of(visible, env, p -> p.id, engine.views()::project);
    }

    private Object projectToken(DataFetchingEnvironment env) {
        Caller caller = SandboxEngine.caller(env);
        if (caller.token() == null || caller.token().kind() != SandboxToken.Kind.PROJECT) {
            throw new SandboxException("Project Token not found", Map.of());
        }
        SandboxToken t = caller.token();
        return Map.of("id", state.ids.named("projectToken", t.value()), "name", t.name(), "projectId", t.projectId(),
                "environmentId", t.environmentId(), "createdAt", state.project(t.projectId()).createdAt);
    }
}
