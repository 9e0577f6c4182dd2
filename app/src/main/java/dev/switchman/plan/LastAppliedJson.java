package dev.switchman.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link LastApplied} as JSON, for whoever keeps it:
 * <pre>
 * { "revision": "...", "inventory": ["worker"],
 *   "variables": { "shared": {"LOG_LEVEL": "&lt;sha256 hex&gt;"}, "services": {"backend": {"SECRET_KEY": "..."}} },
 *   "settings": { "backend": {"deploy.healthcheckTimeout": "&lt;sha256 hex of the value&gt;"} },
 *   "undeployed": ["backend"] }
 * </pre>
 * Records written before values were fingerprinted hold {@code "managedSettings": {"backend": [paths]}}
 * instead; they read as paths whose values are not known.
 */
public final class LastAppliedJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LastAppliedJson() {
    }

    public static ObjectNode write(LastApplied lastApplied) {
        ObjectNode root = NODES.objectNode();
        root.put("revision", lastApplied.revision());
        lastApplied.inventory().forEach(root.putArray("inventory")::add);
        ObjectNode variables = root.putObject("variables");
        ObjectNode shared = variables.putObject("shared");
        ObjectNode services = variables.putObject("services");
        new TreeMap<>(byService(lastApplied)).forEach((service, fingerprints) ->
                fingerprints.forEach(services.putObject(service)::put));
        lastApplied.fingerprints(VariableScope.SHARED).forEach(shared::put);
        ObjectNode settings = root.putObject("settings");
        lastApplied.settingFingerprints().forEach((service, values) -> values.forEach(settings.putObject(service)::put));
        lastApplied.undeployed().forEach(root.putArray("undeployed")::add);
        return root;
    }

    public static LastApplied read(JsonNode root) {
        Set<String> inventory = new TreeSet<>();
        root.path("inventory").forEach(name -> inventory.add(name.asText()));
        Map<VariableScope, Map<String, String>> fingerprints = new LinkedHashMap<>();
        fingerprints.put(VariableScope.SHARED, strings(root.path("variables").path("shared")));
        root.path("variables").path("services").properties().forEach(service ->
                fingerprints.put(VariableScope.service(service.getKey()), strings(service.getValue())));
        Map<String, Map<String, String>> settings = new TreeMap<>();
        root.path("settings").properties().forEach(service -> settings.put(service.getKey(), strings(service.getValue())));
        root.path("managedSettings").properties().forEach(service -> {
            Map<String, String> unknown = new TreeMap<>();
            service.getValue().forEach(path -> unknown.put(path.asText(), ""));
            settings.putIfAbsent(service.getKey(), unknown);
        });
        Set<String> undeployed = new TreeSet<>();
        root.path("undeployed").forEach(name -> undeployed.add(name.asText()));
        JsonNode revision = root.path("revision");
        return new LastApplied(revision.isTextual() ? revision.asText() : null, inventory, fingerprints, settings,
                undeployed);
    }

    private static Map<String, Map<String, String>> byService(LastApplied lastApplied) {
        Map<String, Map<String, String>> byService = new LinkedHashMap<>();
        lastApplied.variableFingerprints().forEach((scope, fingerprints) -> {
            if (!scope.isShared()) {
                byService.put(scope.service(), fingerprints);
            }
        });
        return byService;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
