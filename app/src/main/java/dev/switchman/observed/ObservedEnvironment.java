package dev.switchman.observed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Railway environment as one read saw it.
 *
 * @param id the environment id
 * @param configEtag Railway's etag of the environment config; writes are guarded by it
 * @param unmergedChangesCount staged changes someone else left in the environment
 * @param services service instances by service name
 * @param sharedVariables shared variables by name
 */
public record ObservedEnvironment(
        String id,
        String name,
        String projectId,
        String configEtag,
        int unmergedChangesCount,
        Map<String, ObservedService> services,
        Map<String, ObservedVariable> sharedVariables) {

    public ObservedEnvironment {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        sharedVariables = Collections.unmodifiableMap(new LinkedHashMap<>(sharedVariables));
    }

    /** An environment with nothing in it, for a project Switchman is about to populate. */
    public static ObservedEnvironment empty(String name) {
        return new ObservedEnvironment(null, name, null, null, 0, Map.of(), Map.of());
    }
}
