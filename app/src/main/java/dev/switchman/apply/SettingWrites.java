package dev.switchman.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.settings.Setting;
import dev.switchman.settings.Write;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's setting changes sorted by the Railway call that makes them, as each catalog entry's
 * {@link Write} route says: most go into one {@code serviceInstanceUpdate} input (a null value is sent as an
 * explicit JSON null, which unsets it), limits into {@code serviceInstanceLimitsUpdate}, and what that input
 * cannot express (the repository branch, the DOCKERFILE builder) into an environment config patch.
 */
public final class SettingWrites {

    private final ObjectNode input = JsonNodeFactory.instance.objectNode();
    private final ObjectNode patch = JsonNodeFactory.instance.objectNode();
    private final Map<String, Double> limits = new LinkedHashMap<>();
    private final List<String> unsupported = new ArrayList<>();

    private SettingWrites() {
    }

    /** @param settings setting path -> value to set (null resets to Railway's default) */
    public static SettingWrites of(Map<String, Object> settings) {
        SettingWrites writes = new SettingWrites();
        settings.forEach(writes::add);
        return writes;
    }

    /** {@code ServiceInstanceUpdateInput} fields; an explicit null unsets one. */
    public ObjectNode input() {
        return input;
    }

    /** What only a config patch can say, as one service's part of a patch ({@code {source: {branch}}}). */
    public ObjectNode patch() {
        return patch;
    }

    /** {@code ServiceInstanceLimitsUpdateInput} fields. */
    public Map<String, Double> limits() {
        return limits;
    }

    /** Paths Railway's API cannot change this way (a limit's reset; volume settings, written on their own). */
    public List<String> unsupported() {
        return unsupported;
    }

    boolean hasInput() {
        return !input.isEmpty();
    }

    private void add(String path, Object value) {
        Setting setting = Setting.byPath(path).orElse(null);
        if (setting == null) {
            unsupported.add(path);
            return;
        }
        switch (setting.write()) {
            case Write.InstanceUpdate update -> {
                if (value != null && update.patchOnly().contains(value.toString())) {
                    RailwayJson.put(patch, setting.configPointer(), RailwayJson.inConfig(setting, value));
                } else {
                    RailwayJson.put(input, update.field(), RailwayJson.value(setting, value));
                }
            }
            case Write.ConfigPatchOnly only ->
                    RailwayJson.put(patch, setting.configPointer(), RailwayJson.inConfig(setting, value));
            case Write.Limit limit -> {
                if (value == null) {
                    // serviceInstanceLimitsUpdate treats an absent limit as "unchanged": a reset cannot be sent.
                    unsupported.add(path);
                } else {
                    limits.put(limit.field(), new BigDecimal(value.toString()).doubleValue());
                }
            }
            // written by the volume mutations, from their own changes
            case Write.Volume volume -> unsupported.add(path);
        }
    }
}
