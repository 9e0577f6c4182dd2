package dev.switchman.observed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads plain Java values out of Jackson trees, treating a missing node and JSON null alike. */
final class JsonValues {

    private JsonValues() {
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String text(JsonNode node) {
        return absent(node) ? null : node.asText();
    }

    static Integer integer(JsonNode node) {
        return absent(node) || !node.isNumber() ? null : node.intValue();
    }

    static boolean bool(JsonNode node) {
        return !absent(node) && node.asBoolean(false);
    }

    static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A list of strings; a single string counts as a one-element list (Railway's preDeployCommand). */
    static List<String> strings(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        node.forEach(element -> {
            if (!absent(element)) {
                values.add(element.asText());
            }
        });
        return List.copyOf(values);
    }

    /** Converts any JSON value to maps, lists, strings, numbers and booleans. */
    static Object plain(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
