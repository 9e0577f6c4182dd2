package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fields of the status API that {@code switchman status} does not lay out itself, shown as they
 * come: a field the API gains later is seen at once, under a readable label.
 */
final class GenericFields {

    private GenericFields() {
    }

    /** {@code heldServices} reads {@code Held services}. */
    static String label(String field) {
        String spaced = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** One line per item of a list of several (diagnostics, held services), else one line of {@link #text}. */
    static List<String> lines(JsonNode value) {
        if (value.isArray() && value.size() > 1) {
            List<String> lines = new ArrayList<>();
            value.forEach(item -> lines.add(item.isObject() ? text(item) : item.asText()));
            return lines;
        }
        return List.of(text(value));
    }

    /** Scalars as text, lists joined by commas, objects as {@code key=value} pairs. */
    static String text(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        StringBuilder text = new StringBuilder();
        if (value.isArray()) {
            value.forEach(item -> text.append(text.isEmpty() ? "" : ", ")
                    .append(item.isObject() ? "{" + text(item) + "}" : text(item)));
            return value.isEmpty() ? "none" : text.toString();
        }
        if (value.isEmpty()) {
            return "none";
        }
        value.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                text.append(text.isEmpty() ? "" : ", ").append(field.getKey()).append('=')
                        .append(field.getValue().isContainerNode() ? field.getValue().toString() : field.getValue().asText());
            }
        });
        return text.toString();
    }
}
