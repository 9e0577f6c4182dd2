package dev.switchman.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps ServiceInstance fields and ServiceInstanceUpdateInput onto a service's EnvironmentConfig
 * subtree ({@code source}, {@code build}, {@code deploy}, {@code configFile}), applying Railway's
 * read-side defaults for the non-null fields. Every input field of the served schema is modelled, so
 * whatever setting Switchman adds is kept as Railway keeps it; this table is Railway's, deliberately not
 * derived from Switchman's setting catalog, so the catalog's pointers are checked against it
 * ({@code SettingCatalogTest}).
 */
final class ServiceInstanceSettings {

    /** Input field -> {group, key} in the config; absent groups mean a top-level key. */
    private static final Map<String, String[]> PATHS = Map.ofEntries(
            Map.entry("buildCommand", new String[] {"build", "buildCommand"}),
            Map.entry("builder", new String[] {"build", "builder"}),
            Map.entry("dockerfilePath", new String[] {"build", "dockerfilePath"}),
            Map.entry("watchPatterns", new String[] {"build", "watchPatterns"}),
            Map.entry("nixpacksPlan", new String[] {"build", "nixpacksPlan"}),
            Map.entry("rootDirectory", new String[] {"source", "rootDirectory"}),
            Map.entry("railwayConfigFile", new String[] {"configFile"}),
            Map.entry("startCommand", new String[] {"deploy", "startCommand"}),
            Map.entry("preDeployCommand", new String[] {"deploy", "preDeployCommand"}),
            Map.entry("healthcheckPath", new String[] {"deploy", "healthcheckPath"}),
            Map.entry("healthcheckTimeout", new String[] {"deploy", "healthcheckTimeout"}),
            Map.entry("numReplicas", new String[] {"deploy", "numReplicas"}),
            Map.entry("multiRegionConfig", new String[] {"deploy", "multiRegionConfig"}),
            Map.entry("cronSchedule", new String[] {"deploy", "cronSchedule"}),
            Map.entry("restartPolicyType", new String[] {"deploy", "restartPolicyType"}),
            Map.entry("restartPolicyMaxRetries", new String[] {"deploy", "restartPolicyMaxRetries"}),
            Map.entry("sleepApplication", new String[] {"deploy", "sleepApplication"}),
            Map.entry("overlapSeconds", new String[] {"deploy", "overlapSeconds"}),
            Map.entry("drainingSeconds", new String[] {"deploy", "drainingSeconds"}),
            Map.entry("ipv6EgressEnabled", new String[] {"deploy", "ipv6EgressEnabled"}),
            Map.entry("registryCredentials", new String[] {"deploy", "registryCredentials"}));

    private final Map<String, Object> config;

    ServiceInstanceSettings(Map<String, Object> config) {
        this.config = config;
    }

    /** Applies an update input: present keys set, explicit nulls unset, omitted keys untouched. */
    void apply(Map<String, Object> input) {
        input.forEach((field, value) -> {
            if ("source".equals(field)) {
                applySource(value);
            } else if ("region".equals(field)) {
                Object replicas = get("deploy", "numReplicas");
                put(new String[] {"deploy", "multiRegionConfig"},
                        value == null ? null : Map.of((String) value, Map.of("numReplicas", replicas == null ? 1 : replicas)));
            } else if (PATHS.containsKey(field)) {
                put(PATHS.get(field), value);
            } else {
                // the served schema let it through: a field the sandbox forgot would otherwise vanish silently
                throw new IllegalStateException("the sandbox does not model ServiceInstanceUpdateInput." + field);
            }
        });
    }

    /** Every {@code ServiceInstanceUpdateInput} field {@link #apply} keeps. */
    static Set<String> modelledInputFields() {
        Set<String> fields = new TreeSet<>(PATHS.keySet());
        fields.add("source");
        fields.add("region");
        return fields;
    }

    /** A service has one source: setting an image drops the repository and the other way round. */
    @SuppressWarnings("unchecked")
    private void applySource(Object value) {
        Map<String, Object> source = JsonTree.path(config, true, "source");
        if (value == null) {
            source.remove("image");
            source.remove("repo");
            return;
        }
        Map<String, Object> in = (Map<String, Object>) value;
        if (in.get("image") != null) {
            source.remove("repo");
            source.remove("branch");
        } else if (in.get("repo") != null) {
            source.remove("image");
        }
        in.forEach((k, v) -> {
            if (v == null) {
                source.remove(k);
            } else {
                source.put(k, v);
            }
        });
    }

    private void put(String[] path, Object value) {
        Map<String, Object> parent = path.length == 1 ? config : JsonTree.path(config, true, path[0]);
        String key = path[path.length - 1];
        if (value == null) {
            parent.remove(key);
        } else {
            parent.put(key, JsonTree.copy(value));
        }
    }

    private Object get(String group, String key) {
        return JsonTree.get(config, group, key);
    }

    /** The ServiceInstance fields the settings determine. */
    Map<String, Object> read() {
        Map<String, Object> m = new HashMap<>();
        PATHS.forEach((field, path) -> m.put(field, path.length == 1 ? config.get(path[0]) : get(path[0], path[1])));
        Map<String, Object> source = new HashMap<>();
        source.put("image", get("source", "image"));
        source.put("repo", get("source", "repo"));
        m.put("source", source.values().stream().allMatch(v -> v == null) ? null : source);
        m.putIfAbsent("builder", null);
        m.put("builder", m.get("builder") == null || "DOCKERFILE".equals(m.get("builder")) ? "RAILPACK" : m.get("builder"));
        m.put("restartPolicyType", orDefault(m.get("restartPolicyType"), "ON_FAILURE"));
        m.put("restartPolicyMaxRetries", orDefault(m.get("restartPolicyMaxRetries"), 10));
        m.put("watchPatterns", orDefault(m.get("watchPatterns"), List.of()));
        m.put("numReplicas", orDefault(m.get("numReplicas"), 1));
        m.put("sleepApplication", orDefault(m.get("sleepApplication"), false));
        Object regions = get("deploy", "multiRegionConfig");
        m.put("region", regions instanceof Map<?, ?> r && !r.isEmpty() ? r.keySet().iterator().next() : null);
        return m;
    }

    private static Object orDefault(Object value, Object fallback) {
        return value == null ? fallback : value;
    }
}
