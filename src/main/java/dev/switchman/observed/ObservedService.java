package dev.switchman.observed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service instance: a service's settings, variables, volume and latest deployment in one
 * environment.
 *
 * @param settings setting values keyed by the desired-state path ({@code deploy.healthcheckPath},
 *     {@code source.image}, ...); a missing key or null means Railway has no value (its default)
 * @param variables the service's variables by name, unrendered
 * @param volume the mounted volume, or null
 * @param latestDeployment the newest deployment, or null if it never deployed
 */
public record ObservedService(
        String serviceId,
        String name,
        Map<String, Object> settings,
        Map<String, ObservedVariable> variables,
        ObservedVolume volume,
        ObservedDeployment latestDeployment) {

    public ObservedService {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
