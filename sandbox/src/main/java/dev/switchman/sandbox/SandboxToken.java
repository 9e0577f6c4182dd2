package dev.switchman.sandbox;

/** A configured API token; workspace tokens carry a workspace id, project tokens a project and environment. */
public record SandboxToken(Kind kind, String value, String workspaceId, String projectId, String environmentId, String name) {

    public enum Kind { ACCOUNT, WORKSPACE, PROJECT }

    public static SandboxToken account(String value) {
        return new SandboxToken(Kind.ACCOUNT, value, null, null, null, "account");
    }
}
