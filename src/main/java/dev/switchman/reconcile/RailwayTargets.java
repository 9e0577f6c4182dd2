package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.railway.RailwayApi;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the Railway environment id of a desired environment: its declared
 * {@code railwayEnvironmentId}, else its name in the project's topology. Topologies are cached per
 * project, so the steady state spends no request on this; {@link #forget} drops a project whose
 * environment was not found, to look again next time.
 */
final class RailwayTargets {

    /** Why an environment cannot be found; a Stalled reason. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }

    private final RailwayApi railway;
    private final Function<String, Optional<String>> projectIds;
    private final Map<String, ProjectTopology> topologies = new ConcurrentHashMap<>();

    /** @param projectIds desired project name -> its declared {@code railwayProjectId} */
    RailwayTargets(RailwayApi railway, Function<String, Optional<String>> projectIds) {
        this.railway = railway;
        this.projectIds = projectIds;
    }

    String environmentId(DesiredEnvironment environment) {
        if (environment.railwayEnvironmentId() != null) {
            return environment.railwayEnvironmentId();
        }
        String projectId = projectIds.apply(environment.project()).orElseThrow(() -> new Unresolved(
                "project " + environment.project() + " declares no railwayProjectId and environment "
                        + environment.qualifiedName() + " no railwayEnvironmentId; declare one of them"));
        ProjectTopology topology = topologies.computeIfAbsent(projectId, railway::projectTopology);
        return topology.environment(environment.name()).map(ProjectTopology.Environment::id).orElseThrow(() -> {
            topologies.remove(projectId);
            return new Unresolved("Railway project " + projectId + " has no environment named " + environment.name());
        });
    }

    /** Looks the project up again on the next run (its environment may have been recreated). */
    void forget(DesiredEnvironment environment) {
        projectIds.apply(environment.project()).ifPresent(topologies::remove);
    }
}
