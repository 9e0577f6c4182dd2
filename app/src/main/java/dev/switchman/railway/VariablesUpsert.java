package dev.switchman.railway;

import java.util.Map;
import java.util.Objects;

/**
 * Variables to set in one request.
 *
 * @param serviceId the service, or null for the environment's shared variables
 * @param variables unrendered values by name ({@code ${{shared.X}}} references stay as written)
 * @param replace true deletes every other variable of that service (or shared set)
 * @param skipDeploys true keeps Railway from redeploying the services that use them
 */
public record VariablesUpsert(String projectId, String environmentId, String serviceId,
        Map<String, String> variables, boolean replace, boolean skipDeploys) {

    public VariablesUpsert {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(environmentId, "environmentId");
        variables = Map.copyOf(variables);
    }

    /** Never prints values, which may be secrets. */
    @Override
    public String toString() {
        return "VariablesUpsert[environment " + environmentId + ", service " + serviceId + ", names "
                + variables.keySet() + ", replace " + replace + ", skipDeploys " + skipDeploys + "]";
    }
}
