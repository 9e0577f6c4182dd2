package dev.switchman.desired;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Railway project and its environments.
 *
 * @param name the project's name in the desired state (and, unless {@code railwayProjectId} is
 *     set, its name on Railway)
 * @param railwayProjectId the Railway project id, or null to find the project by name
 * @param environments environments by name, in declaration order, defaults already merged in
 */
public record DesiredProject(String name, String railwayProjectId, Map<String, DesiredEnvironment> environments) {

    public DesiredProject {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }
}
