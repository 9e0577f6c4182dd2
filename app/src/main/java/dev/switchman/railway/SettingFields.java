package dev.switchman.railway;

import dev.switchman.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ServiceInstanceSettings} fragment that the environment query spreads: the {@code ServiceInstance}
 * field of every setting catalog entry that has one, in catalog order (nested fields grouped:
 * {@code source { image repo }}). Generated, so a new setting is read without editing a document; validated
 * against Railway's schema with the documents that use it.
 */
final class SettingFields {

    static final String FRAGMENT = "ServiceInstanceSettings";

    private SettingFields() {
    }

    static String fragment() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            setting.instanceField().ifPresent(field -> {
                int dot = field.indexOf('.');
                String top = dot < 0 ? field : field.substring(0, dot);
                List<String> nested = fields.computeIfAbsent(top, k -> new ArrayList<>());
                if (dot >= 0) {
                    nested.add(field.substring(dot + 1));
                }
            });
        }
        StringBuilder text = new StringBuilder("# generated from dev.switchman.settings.Setting (SettingFields)\n")
                .append("fragment ").append(FRAGMENT).append(" on ServiceInstance {\n");
        fields.forEach((field, nested) -> text.append("  ").append(field)
                .append(nested.isEmpty() ? "" : " { " + String.join(" ", nested) + " }").append('\n'));
        return text.append("}\n").toString();
    }
}
