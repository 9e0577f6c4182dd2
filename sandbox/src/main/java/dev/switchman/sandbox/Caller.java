package dev.switchman.sandbox;

import java.util.Map;

/**
 * Who sent a request, resolved from its headers, and what that token may reach. An unknown or absent
 * token reaches nothing ({@code Not Authorized}); an unknown project token says so.
 */
record Caller(SandboxToken token, boolean unknownProjectToken) {

    static final Caller ANONYMOUS = new Caller(null, false);

    static Caller resolve(SandboxState state, String authorization, String projectAccessToken) {
        if (projectAccessToken != null && !projectAccessToken.isBlank()) {
            SandboxToken t = state.tokens.get(projectAccessToken.trim());
            return t != null && t.kind() == SandboxToken.Kind.PROJECT ? new Caller(t, false) : new Caller(null, true);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            SandboxToken t = state.tokens.get(authorization.substring(7).trim());
            if (t != null && t.kind() != SandboxToken.Kind.PROJECT) {
                return new Caller(t, false);
            }
        }
        return ANONYMOUS;
    }

    /** The rate-limit bucket: one per token, one for everybody unauthenticated. */
    String bucket() {
        return token == null ? "anonymous" : token.value();
    }

    private SandboxException denied() {
        return unknownProjectToken ? new SandboxException("Project Token not found", Map.of()) : SandboxException.notAuthorized();
    }

    void requireAny() {
        if (token == null) {
            throw denied();
        }
    }

    void requireProject(ProjectEntity project) {
        requireAny();
        boolean ok = switch (token.kind()) {
            case ACCOUNT -> true;
            case WORKSPACE -> token.workspaceId().equals(project.workspaceId);
            case PROJECT -> token.projectId().equals(project.id);
        };
        if (!ok) {
            throw denied();
        }
    }

    void requireEnvironment(SandboxState state, EnvironmentEntity env) {
        requireProject(state.project(env.projectId));
        if (token.kind() == SandboxToken.Kind.PROJECT && !token.environmentId().equals(env.id)) {
            throw denied();
        }
    }

    /** Project tokens are scoped to one environment, so project-wide writes need an account or workspace token. */
    void requireProjectWide(ProjectEntity project) {
        requireProject(project);
        if (token.kind() == SandboxToken.Kind.PROJECT) {
            throw denied();
        }
    }

    boolean seesEnvironment(EnvironmentEntity env) {
        return token != null && (token.kind() != SandboxToken.Kind.PROJECT || token.environmentId().equals(env.id));
    }
}
