package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.settings.SettingValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service in one environment, modelled on Railway's environment config
 * ({@code services.<id>.source/build/deploy/variables/volumeMounts}). What is absent is "not managed by
 * Switchman": whatever Railway has stays.
 *
 * @param name the service's name on Railway
 * @param settings the Railway settings it declares (source, build, deploy, volume), keyed by catalog entry
 * @param variables the service's variables
 * @param requiredVariables names that must be declared in this environment (for example
 *     SENTRY_DSN in production); validation fails when one is missing
 * @param dependsOn services to roll out and verify before this one
 * @param verify post-deploy verification, or null for none
 * @param location where the service was declared
 */
public record ServiceSpec(
        String name,
        SettingValues settings,
        Map<String, VariableValue> variables,
        List<String> requiredVariables,
        List<String> dependsOn,
        VerificationSpec verify,
        SourceLocation location) {

    public ServiceSpec {
        settings = settings == null ? SettingValues.NONE : settings;
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        requiredVariables = List.copyOf(requiredVariables);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The same service declaring {@code newSettings} instead. */
    public ServiceSpec withSettings(SettingValues newSettings) {
        return new ServiceSpec(name, newSettings, variables, requiredVariables, dependsOn, verify, location);
    }
}
