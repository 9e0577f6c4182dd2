package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service in one environment, modelled on Railway's environment config
 * ({@code services.<id>.source/build/deploy/variables/volumeMounts}). A null field means
 * "not managed by Switchman": whatever Railway has stays.
 *
 * @param name the service's name on Railway
 * @param source where the code or image comes from
 * @param build how Railway builds it
 * @param deploy how Railway runs it
 * @param variables the service's variables
 * @param requiredVariables names that must be declared in this environment (for example
 *     SENTRY_DSN in production); validation fails when one is missing
 * @param dependsOn services to roll out and verify before this one
 * @param volume the service's volume and its Railway backup schedules, or null
 * @param verify post-deploy verification, or null for none
 * @param location where the service was declared
 */
public record ServiceSpec(
        String name,
        SourceSpec source,
        BuildSpec build,
        DeploySpec deploy,
        Map<String, VariableValue> variables,
        List<String> requiredVariables,
        List<String> dependsOn,
        VolumeSpec volume,
        VerificationSpec verify,
        SourceLocation location) {

    public ServiceSpec {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        requiredVariables = List.copyOf(requiredVariables);
        dependsOn = List.copyOf(dependsOn);
    }
}
