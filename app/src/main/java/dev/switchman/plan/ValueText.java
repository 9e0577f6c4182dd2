package dev.switchman.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Prints a plain setting or variable value the way a plan shows it: as JSON. */
final class ValueText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValueText() {
    }

    static String render(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
