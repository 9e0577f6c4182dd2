package dev.switchman.railway;

import java.util.List;
import java.util.Optional;

/** A project's environments and services, to turn the names in YAML into Railway ids. */
public record ProjectTopology(String id, String name, String workspaceId, List<Environment> environments,
        List<Service> services) {

    public ProjectTopology {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
    }

    /** An environment of the project; {@code ephemeral} for PR environments. */
    public record Environment(String id, String name, boolean ephemeral, int unmergedChangesCount) {
    }

    /** A service: its project-level identity, the same in every environment. */
    public record Service(String id, String name) {
    }

    public Optional<Environment> environment(String environmentName) {
        return environments.stream().filter(environment -> environment.name().equals(environmentName)).findFirst();
    }

    public Optional<Service> service(String serviceName) {
        return services.stream().filter(service -> service.name().equals(serviceName)).findFirst();
    }
}
