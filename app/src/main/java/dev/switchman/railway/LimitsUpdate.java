package dev.switchman.railway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * CPU and memory limits of one service in one environment.
 *
 * @param limits fields of Railway's {@code ServiceInstanceLimitsUpdateInput} ({@code vCPUs}, {@code memoryGB});
 *     an absent limit is left unchanged
 */
public record LimitsUpdate(String serviceId, String environmentId, Map<String, Double> limits) {

    public LimitsUpdate {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(environmentId, "environmentId");
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }
}
