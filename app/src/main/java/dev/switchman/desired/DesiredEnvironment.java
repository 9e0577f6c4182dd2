package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment as it should be on Railway: the project's defaults with this environment's
 * overrides merged on top.
 *
 * @param project the project's name
 * @param name the environment's name (on Railway too)
 * @param railwayEnvironmentId the Railway environment id, or null to find it by name
 * @param services services by name, in declaration order
 * @param sharedVariables shared variables of the environment ({@code ${{shared.NAME}}})
 * @param databases databases whose migrations and backups Switchman runs
 * @param policy how Switchman acts on this environment
 * @param source where the environment was declared
 * @param sources where each value was declared (after merging), for messages
 * @param notifications where rollout, drift and health notifications go, in declaration order
 */
public record DesiredEnvironment(
        String project,
        String name,
        String railwayEnvironmentId,
        Map<String, ServiceSpec> services,
        Map<String, VariableValue> sharedVariables,
        Map<String, DatabaseSpec> databases,
        Policy policy,
        SourceLocation source,
        SourceMap sources,
        List<NotificationTarget> notifications) {

    /** Without notification targets. */
    public DesiredEnvironment(String project, String name, String railwayEnvironmentId,
            Map<String, ServiceSpec> services, Map<String, VariableValue> sharedVariables,
            Map<String, DatabaseSpec> databases, Policy policy, SourceLocation source, SourceMap sources) {
        this(project, name, railwayEnvironmentId, services, sharedVariables, databases, policy, source, sources,
                List.of());
    }

    /** Without a source map, for environments built by hand (tests, fixtures). */
    public DesiredEnvironment(String project, String name, String railwayEnvironmentId,
            Map<String, ServiceSpec> services, Map<String, VariableValue> sharedVariables,
            Map<String, DatabaseSpec> databases, Policy policy, SourceLocation source) {
        this(project, name, railwayEnvironmentId, services, sharedVariables, databases, policy, source,
                SourceMap.EMPTY);
    }

    public DesiredEnvironment {
        sources = sources == null ? SourceMap.EMPTY : sources;
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        sharedVariables = Collections.unmodifiableMap(new LinkedHashMap<>(sharedVariables));
        databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
    }

    /** {@code project/name}, the unambiguous way to name an environment. */
    public String qualifiedName() {
        return project + "/" + name;
    }
}
