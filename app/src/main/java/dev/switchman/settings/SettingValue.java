package dev.switchman.settings;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How values of a setting compare. Values are compared after {@link #normalize}, so Railway's defaults and
 * equivalent spellings ({@code ""} and unset, {@code 2} and {@code 2.0}, a command and a one-command list) never
 * show as drift.
 */
final class SettingValue {

    private SettingValue() {
    }

    static boolean same(Setting setting, Object a, Object b) {
        return Objects.equals(normalize(setting, a), normalize(setting, b));
    }

    static Object normalize(Setting setting, Object value) {
        Object canonical = canonical(setting.type(), value);
        return canonical == null || canonical.equals(canonical(setting.type(), setting.railwayDefault()))
                ? null : canonical;
    }

    private static Object canonical(ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.form()) {
            case TEXT -> value.toString().isEmpty() ? null : value.toString();
            case WHOLE, DECIMAL -> number(value);
            case FLAG -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case LIST -> {
                List<String> list = value instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).toList()
                        : List.of(value.toString());
                yield list.isEmpty() ? null : list;
            }
            case SET -> {
                var set = new TreeSet<String>();
                ((Collection<?>) value).forEach(v -> set.add(String.valueOf(v)));
                yield set.isEmpty() ? null : set;
            }
            case REPLICAS_BY_REGION -> {
                var replicas = new TreeMap<String, BigDecimal>();
                ((Map<?, ?>) value).forEach((region, count) -> {
                    if (count != null) {
                        replicas.put(String.valueOf(region), number(count));
                    }
                });
                yield replicas.isEmpty() ? null : replicas;
            }
        };
    }

    private static BigDecimal number(Object value) {
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }
}
