package dev.switchman.desired;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.ListNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import dev.switchman.desired.yaml.YamlNode.ScalarNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a merged, already validated mapping; absent or mistyped fields read as null. */
final class Fields {

    private Fields() {
    }

    static MapNode map(MapNode parent, String key) {
        return parent == null ? null : parent.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElse(null);
    }

    static String text(MapNode parent, String key) {
        return parent == null ? null : Documents.text(parent, key).orElse(null);
    }

    static Integer integer(MapNode parent, String key) {
        String t = text(parent, key);
        return t == null ? null : Integer.valueOf(t.replace("_", ""));
    }

    static Long longValue(MapNode parent, String key) {
        String t = text(parent, key);
        return t == null ? null : Long.valueOf(t.replace("_", ""));
    }

    static Double number(MapNode parent, String key) {
        String t = text(parent, key);
        return t == null ? null : Double.valueOf(t.replace("_", ""));
    }

    static Boolean bool(MapNode parent, String key) {
        String t = text(parent, key);
        return t == null ? null : Boolean.valueOf(t.toLowerCase(Locale.ROOT));
    }

    static boolean bool(MapNode parent, String key, boolean fallback) {
        Boolean b = bool(parent, key);
        return b == null ? fallback : b;
    }

    static Duration duration(MapNode parent, String key, Duration fallback) {
        String t = text(parent, key);
        return t == null ? fallback : Durations.parse(t).orElse(fallback);
    }

    static List<YamlNode> items(MapNode parent, String key) {
        return parent == null ? List.of() : parent.get(key).filter(ListNode.class::isInstance)
                .map(n -> ((ListNode) n).items()).orElse(List.of());
    }

    /** A list of strings, or null when the key is absent (not managed). */
    static List<String> strings(MapNode parent, String key) {
        if (parent == null || parent.get(key).isEmpty()) {
            return null;
        }
        YamlNode node = parent.get(key).get();
        if (node instanceof ScalarNode s) {
            return List.of(s.text());
        }
        return items(parent, key).stream().filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).toList();
    }

    static Map<String, VariableValue> variables(MapNode parent, String key) {
        Map<String, VariableValue> variables = new LinkedHashMap<>();
        MapNode map = map(parent, key);
        if (map != null) {
            map.entries().forEach(e -> variableValue(e.value()).ifPresent(v -> variables.put(e.key(), v)));
        }
        return variables;
    }

    static Optional<VariableValue> variableValue(YamlNode node) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(new VariableValue.Literal(s.text()));
        }
        return node instanceof MapNode m ? Optional.ofNullable(secretRef(m)) : Optional.empty();
    }

    static VariableValue.SecretRef secretRef(MapNode map) {
        String name = text(map, "secretRef");
        return name == null ? null : new VariableValue.SecretRef(name);
    }

    /** A JSON-comparable value: Boolean, Long, Double or String, as YAML typed it. */
    static Object scalarValue(YamlNode node) {
        if (!(node instanceof ScalarNode s)) {
            return null;
        }
        return switch (s.type()) {
            case BOOLEAN -> Boolean.valueOf(s.text().toLowerCase(Locale.ROOT));
            case INTEGER -> parseOr(s.text(), true);
            case FLOAT -> parseOr(s.text(), false);
            case NULL -> null;
            case STRING -> s.text();
        };
    }

    private static Object parseOr(String text, boolean integer) {
        try {
            return integer ? (Object) Long.valueOf(text.replace("_", "")) : (Object) Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
