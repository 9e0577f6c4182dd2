package dev.switchman.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings one service declares, keyed by catalog entry; an absent entry is not managed. Values are as
 * the YAML binder reads them: strings, integers, doubles, booleans, lists of strings and, for replicas per
 * region, a map of region to integer.
 */
public final class SettingValues {

    public static final SettingValues NONE = new SettingValues(new EnumMap<>(Setting.class));

    private final Map<Setting, Object> values;

    private SettingValues(EnumMap<Setting, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Null values are left out. */
    public static SettingValues of(Map<Setting, ?> values) {
        EnumMap<Setting, Object> copy = new EnumMap<>(Setting.class);
        values.forEach((setting, value) -> {
            if (value != null) {
                copy.put(setting, immutable(value));
            }
        });
        return new SettingValues(copy);
    }

    /** The declared value, or null when {@code setting} is not managed. */
    public Object get(Setting setting) {
        return values.get(setting);
    }

    /** The declared value as text, or null. */
    public String text(Setting setting) {
        Object value = values.get(setting);
        return value == null ? null : value.toString();
    }

    /** A list value ({@link ValueType.Words}, {@link ValueType.Commands}, {@link ValueType.Choices}), or null. */
    @SuppressWarnings("unchecked")
    public List<String> strings(Setting setting) {
        return (List<String>) values.get(setting);
    }

    /** These values with {@code setting} set to {@code value} (null: not managed). */
    public SettingValues with(Setting setting, Object value) {
        EnumMap<Setting, Object> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        if (value == null) {
            copy.remove(setting);
        } else {
            copy.put(setting, immutable(value));
        }
        return new SettingValues(copy);
    }

    /** Setting path -> value, in catalog order. */
    public Map<String, Object> byPath() {
        Map<String, Object> byPath = new LinkedHashMap<>();
        values.forEach((setting, value) -> byPath.put(setting.path(), value));
        return Collections.unmodifiableMap(byPath);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static Object immutable(Object value) {
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        return value instanceof Map<?, ?> map ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SettingValues v && values.equals(v.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return byPath().toString();
    }
}
