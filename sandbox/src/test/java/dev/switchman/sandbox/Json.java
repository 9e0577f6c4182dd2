package dev.switchman.sandbox;

import java.util.List;
import java.util.Map;

/** Navigation in decoded JSON for assertions: {@code Json.at(data, "environment.config.services")}. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static Object at(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (current instanceof List<?> l) {
                current = l.get(Integer.parseInt(key));
            } else {
                current = map(current).get(key);
            }
        }
        return current;
    }
}
