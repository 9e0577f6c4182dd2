package dev.switchman.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.plan.VariableScope;
import dev.switchman.settings.Setting;
import dev.switchman.settings.Write;

/**
 * One environment config patch ({@code EnvironmentConfig}, reference §3.6) holding every setting and variable a
 * run writes, staged and committed once without deploying: two writes for the whole environment instead of a
 * few per service. A null value unsets a setting or deletes a variable; {@code isCreated} adds a project's
 * service to this environment. What the patch cannot say (a region, a volume) is left to the caller.
 */
final class ConfigPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode patch = NODES.objectNode();

    boolean isEmpty() {
        return patch.isEmpty();
    }

    ObjectNode json() {
        return patch;
    }

    /** The service exists in the project but not yet in this environment. */
    void addToEnvironment(String serviceId) {
        service(serviceId).put("isCreated", true);
    }

    /**
     * Puts one setting into the patch at its config pointer; false when a patch cannot express it (the caller
     * writes it with a mutation).
     */
    boolean setting(String serviceId, Setting setting, Object value) {
        boolean inPatch = switch (setting.write()) {
            case Write.InstanceUpdate update -> update.inPatch();
            case Write.ConfigPatchOnly only -> true;
            case Write.Limit limit -> true;
            case Write.Volume volume -> false;
        };
        if (inPatch) {
            RailwayJson.put(service(serviceId), setting.configPointer(), RailwayJson.inConfig(setting, value));
        }
        return inPatch;
    }

    /** Sets a variable ({@code value} non-null) or deletes it (null). */
    void variable(VariableScope scope, String serviceId, String name, String value) {
        ObjectNode variables = scope.isShared() ? object(patch, "sharedVariables") : object(service(serviceId),
                "variables");
        if (value == null) {
            variables.putNull(name);
        } else {
            variables.putObject(name).put("value", value);
        }
    }

    private ObjectNode service(String serviceId) {
        return object(object(patch, "services"), serviceId);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.has(field) ? (ObjectNode) parent.get(field) : parent.putObject(field);
    }
}
