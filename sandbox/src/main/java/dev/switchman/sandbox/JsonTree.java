package dev.switchman.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Operations on JSON held as Map/List/String/Number/Boolean trees (the EnvironmentConfig shape). */
final class JsonTree {

    private JsonTree() {
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copyMap(Map<String, Object> map) {
        return map == null ? new LinkedHashMap<>() : (Map<String, Object>) copy(map);
    }

    /** Railway's patch rule: maps merge key by key, an explicit null deletes the key, anything else replaces. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object value = e.getValue();
            if (value == null) {
                target.remove(e.getKey());
            } else if (value instanceof Map<?, ?> m && target.get(e.getKey()) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) m);
            } else if (value instanceof Map<?, ?> m) {
                Map<String, Object> fresh = new LinkedHashMap<>();
                merge(fresh, (Map<String, Object>) m);
                target.put(e.getKey(), fresh);
            } else {
                target.put(e.getKey(), copy(value));
            }
        }
    }

    /** Staging keeps nulls (they delete on commit), so staged patches merge without applying them. */
    @SuppressWarnings("unchecked")
    static void mergeKeepingNulls(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && target.get(e.getKey()) instanceof Map<?, ?> existing) {
                mergeKeepingNulls((Map<String, Object>) existing, (Map<String, Object>) m);
            } else {
                target.put(e.getKey(), copy(e.getValue()));
            }
        }
    }

    /** The map at a path, created on the way when {@code create}; null when absent and not creating. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> path(Map<String, Object> root, boolean create, String... keys) {
        Map<String, Object> current = root;
        for (String key : keys) {
            Object next = current.get(key);
            if (!(next instanceof Map)) {
                if (!create) {
                    return null;
                }
                next = new LinkedHashMap<String, Object>();
                current.put(key, next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    static Object get(Map<String, Object> root, String... keys) {
        Map<String, Object> parent = path(root, false, Arrays.copyOf(keys, keys.length - 1));
        return parent == null ? null : parent.get(keys[keys.length - 1]);
    }

    static boolean sameJson(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
