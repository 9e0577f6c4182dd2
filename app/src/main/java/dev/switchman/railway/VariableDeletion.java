package dev.switchman.railway;

import java.util.Objects;

/**
 * One variable to delete. Railway redeploys the services using it; to delete without deploying,
 * stage a patch with the variable set to null and commit it with skipDeploys instead.
 *
 * @param serviceId the service, or null for a shared variable
 */
public record VariableDeletion(String projectId, String environmentId, String serviceId, String name) {

    public VariableDeletion {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(name, "name");
    }
}
