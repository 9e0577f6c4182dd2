package dev.switchman.apply;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.railway.RailwayApi;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the Railway environment id of a desired environment: its declared
 * {@code railwayEnvironmentId}, else its name in the project's topology. The project is the
 * declared {@code railwayProjectId}, else the project of the same name the token can see. Project
 * ids found by name and topologies are cached per project, so the steady state spends no request on
 * this; {@link #forget} drops a project whose environment was not found, to look again next time.
 */
public final class RailwayTargets {

    /** Why an environment cannot be found; a Stalled reason. */
    public static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }

    private final RailwayApi railway;
    private final Function<String, Optional<String>> projectIds;
    private final Map<String, ProjectTopology> topologies = new ConcurrentHashMap<>();
    private final Map<String, String> projectIdsFound = new ConcurrentHashMap<>();

    /** @param projectIds desired project name -> its declared {@code railwayProjectId} */
    public RailwayTargets(RailwayApi railway, Function<String, Optional<String>> projectIds) {
        this.railway = railway;
        this.projectIds = projectIds;
    }

    public String environmentId(DesiredEnvironment environment) {
        if (environment.railwayEnvironmentId() != null) {
            return environment.railwayEnvironmentId();
        }
        String projectId = projectId(environment.project()).orElseThrow(() -> new Unresolved(
                "the Railway token sees no project named " + environment.project() + " (and it declares no"
                        + " railwayProjectId, nor environment " + environment.qualifiedName() + " a railwayEnvironmentId)"));
        ProjectTopology topology = topologies.computeIfAbsent(projectId, railway::projectTopology);
        return topology.environment(environment.name()).map(ProjectTopology.Environment::id).orElseThrow(() -> {
            topologies.remove(projectId);
            return new Unresolved("Railway project " + projectId + " has no environment named " + environment.name());
        });
    }

    private Optional<String> projectId(String projectName) {
        Optional<String> declared = projectIds.apply(projectName);
        if (declared.isPresent()) {
            return declared;
        }
        String found = projectIdsFound.get(projectName);
        if (found != null) {
            return Optional.of(found);
        }
        Optional<String> looked = railway.findProjectId(projectName);
        looked.ifPresent(id -> projectIdsFound.put(projectName, id));
        return looked;
    }

    /** Looks the project up again on the next run (it or its environment may have been recreated). */
    public void forget(DesiredEnvironment environment) {
        projectIds.apply(environment.project()).ifPresent(topologies::remove);
        String found = projectIdsFound.remove(environment.project());
        if (found != null) {
            topologies.remove(found);
        }
    }
}
