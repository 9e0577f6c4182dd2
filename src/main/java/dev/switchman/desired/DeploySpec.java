package dev.switchman.desired;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Railway runs a service, field for field as in Railway's {@code deploy} config. Null fields
 * are not managed.
 *
 * @param preDeployCommand run by Railway in a separate container before the new version starts
 * @param restartPolicyType ALWAYS, NEVER or ON_FAILURE
 * @param region a single region (with {@code numReplicas}); exclusive with multiRegionConfig
 * @param multiRegionConfig replicas per region
 * @param limits CPU and memory limits
 */
public record DeploySpec(
        String startCommand,
        List<String> preDeployCommand,
        String healthcheckPath,
        Integer healthcheckTimeout,
        String restartPolicyType,
        Integer restartPolicyMaxRetries,
        Integer numReplicas,
        String region,
        Map<String, Integer> multiRegionConfig,
        String cronSchedule,
        Boolean sleepApplication,
        Integer overlapSeconds,
        Integer drainingSeconds,
        Limits limits) {

    public static final DeploySpec NONE =
            new DeploySpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public DeploySpec {
        preDeployCommand = preDeployCommand == null ? null : List.copyOf(preDeployCommand);
        multiRegionConfig = multiRegionConfig == null
                ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(multiRegionConfig));
    }

    /** CPU and memory limits, as {@code serviceInstanceLimitsUpdate} takes them; null = not managed. */
    public record Limits(Double vCPUs, Double memoryGB) {
    }
}
