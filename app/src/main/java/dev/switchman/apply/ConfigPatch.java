package dev.switchman.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.plan.VariableScope;
import dev.switchman.settings.Setting;
import dev.switchman.settings.Write;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One environment config patch ({@code EnvironmentConfig}, reference §3.6) holding every setting and variable a
 * run writes, staged and committed once without deploying: two writes for the whole environment instead of a
 * few per service. A null value unsets a setting or deletes a variable; {@code isCreated} adds a project's
 * service to this environment. What the patch cannot say (a region, a volume) is left to the caller.
 */
public final class ConfigPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode patch = NODES.objectNode();

    public boolean isEmpty() {
        return patch.isEmpty();
    }

    /** The patch as {@code environmentStageChanges} takes it. */
    public ObjectNode json() {
        return patch;
    }

    /** The service exists in the project but not yet in this environment. */
    void addToEnvironment(String serviceId) {
        service(serviceId).put("isCreated", true);
    }

    /**
     * Puts {@code serviceId}'s settings (path -> value, null resets) into the patch at their config pointers.
     * Returns those a patch cannot express (a region, volume settings, unknown paths): the caller writes them
     * with mutations ({@link SettingWrites}).
     */
    public Map<String, Object> settings(String serviceId, Map<String, Object> values) {
        Map<String, Object> rest = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            Setting setting = Setting.byPath(path).orElse(null);
            if (setting == null || !setting(serviceId, setting, value)) {
                rest.put(path, value);
            }
        });
        return rest;
    }

    private boolean setting(String serviceId, Setting setting, Object value) {
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
    public void variable(VariableScope scope, String serviceId, String name, String value) {
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
