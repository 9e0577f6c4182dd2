package dev.switchman.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.diagnostic.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Diagnostics as the JSON array the store keeps: plain maps, so nothing needs reflection. */
final class DiagnosticsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiagnosticsJson() {
    }

    static String render(List<Diagnostic> diagnostics) {
        List<Map<String, Object>> rows = diagnostics.stream().map(DiagnosticsJson::row).toList();
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private static Map<String, Object> row(Diagnostic diagnostic) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("severity", diagnostic.severity().name().toLowerCase(Locale.ROOT));
        row.put("file", diagnostic.location().file());
        row.put("line", diagnostic.location().line());
        row.put("column", diagnostic.location().column());
        row.put("path", diagnostic.path());
        row.put("message", diagnostic.message());
        return row;
    }
}
