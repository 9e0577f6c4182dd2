package dev.switchman.railway;

import java.util.Objects;

/**
 * A service to create in a project, present only in {@code environmentId}.
 *
 * @param image a Docker image, or null
 * @param repo a GitHub repository ({@code owner/name}), or null
 * @param branch the repository branch, or null for its default
 */
public record ServiceCreation(String projectId, String environmentId, String name, String image, String repo,
        String branch) {

    public ServiceCreation {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(environmentId, "environmentId: without it the service appears in no environment");
        Objects.requireNonNull(name, "name");
    }
}
