package dev.switchman.observed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service instance: a service's settings, variables, volume and deployments in one environment.
 *
 * @param settings setting values keyed by the desired-state path ({@code deploy.healthcheckPath},
 *     {@code source.image}, ...); a missing key or null means Railway has no value (its default)
 * @param variables the service's variables by name, unrendered
 * @param volume the mounted volume, or null
 * @param latestDeployment the newest deployment, or null if it never deployed
 * @param activeDeployments the deployments Railway counts as serving (usually one; two while one replaces
 *     the other), newest first
 * @param domain the service's first Railway domain ({@code networking.serviceDomains}), or null
 */
public record ObservedService(
        String serviceId,
        String name,
        Map<String, Object> settings,
        Map<String, ObservedVariable> variables,
        ObservedVolume volume,
        ObservedDeployment latestDeployment,
        List<ObservedDeployment> activeDeployments,
        String domain) {

    public ObservedService {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        activeDeployments = activeDeployments == null ? List.of() : List.copyOf(activeDeployments);
    }

    /** Without active deployments or a domain (plans and tests that need neither). */
    public ObservedService(String serviceId, String name, Map<String, Object> settings,
            Map<String, ObservedVariable> variables, ObservedVolume volume, ObservedDeployment latestDeployment) {
        this(serviceId, name, settings, variables, volume, latestDeployment, List.of(), null);
    }

    /** The deployment with {@code id} if this read shows it (as the latest or as an active one). */
    public Optional<ObservedDeployment> deployment(String id) {
        if (latestDeployment != null && latestDeployment.id().equals(id)) {
            return Optional.of(latestDeployment);
        }
        return activeDeployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The newest deployment that serves, or null when none does. */
    public ObservedDeployment activeDeployment() {
        return activeDeployments.isEmpty() ? null : activeDeployments.get(0);
    }
}
