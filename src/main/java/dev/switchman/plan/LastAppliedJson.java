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
 *   "managedSettings": { "backend": ["deploy.healthcheckTimeout"] } }
 * </pre>
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
        ObjectNode settings = root.putObject("managedSettings");
        lastApplied.managedSettings().forEach((service, paths) -> paths.forEach(settings.putArray(service)::add));
        return root;
    }

    public static LastApplied read(JsonNode root) {
        Set<String> inventory = new TreeSet<>();
        root.path("inventory").forEach(name -> inventory.add(name.asText()));
        Map<VariableScope, Map<String, String>> fingerprints = new LinkedHashMap<>();
        fingerprints.put(VariableScope.SHARED, strings(root.path("variables").path("shared")));
        root.path("variables").path("services").properties().forEach(service ->
                fingerprints.put(VariableScope.service(service.getKey()), strings(service.getValue())));
        Map<String, Set<String>> settings = new TreeMap<>();
        root.path("managedSettings").properties().forEach(service -> {
            Set<String> paths = new TreeSet<>();
            service.getValue().forEach(path -> paths.add(path.asText()));
            settings.put(service.getKey(), paths);
        });
        JsonNode revision = root.path("revision");
        return new LastApplied(revision.isTextual() ? revision.asText() : null, inventory, fingerprints, settings);
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
