package dev.switchman.desired;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import dev.switchman.settings.Setting;
import dev.switchman.settings.SettingValues;
import dev.switchman.settings.ValueType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds a merged, validated service mapping's Railway settings, entry by entry of the {@link Setting} catalog. */
final class SettingBinder {

    private SettingBinder() {
    }

    static SettingValues bind(MapNode service) {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            MapNode parent = service;
            for (String key : setting.group().split("\\.")) {
                parent = Fields.map(parent, key);
            }
            values.put(setting, value(setting.type(), parent, setting.key()));
        }
        return SettingValues.of(values);
    }

    private static Object value(ValueType type, MapNode parent, String key) {
        return switch (type.form()) {
            case TEXT -> Fields.text(parent, key);
            case WHOLE -> Fields.integer(parent, key);
            case DECIMAL -> Fields.number(parent, key);
            case FLAG -> Fields.bool(parent, key);
            case LIST -> Fields.strings(parent, key);
            case SET -> {
                List<String> chosen = Fields.strings(parent, key);
                yield chosen == null ? null : chosen.stream().distinct().sorted().toList();
            }
            case REPLICAS_BY_REGION -> regions(Fields.map(parent, key));
        };
    }

    private static Map<String, Integer> regions(MapNode regions) {
        if (regions == null) {
            return null;
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (YamlNode.Entry e : regions.entries()) {
            replicas.put(e.key(), e.value() instanceof MapNode region ? Fields.integer(region, "numReplicas") : null);
        }
        return replicas;
    }
}
