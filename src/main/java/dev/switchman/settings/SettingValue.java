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
        return switch (type) {
            case ValueType.Text t -> text(value);
            case ValueType.Matching m -> text(value);
            case ValueType.Choice c -> text(value);
            case ValueType.UrlPath p -> text(value);
            case ValueType.Cron c -> text(value);
            case ValueType.Whole w -> number(value);
            case ValueType.Decimal d -> number(value);
            case ValueType.Flag f -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case ValueType.Words w -> list(value);
            case ValueType.Commands c -> list(value);
            case ValueType.Choices c -> {
                var set = new TreeSet<String>();
                ((Collection<?>) value).forEach(v -> set.add(String.valueOf(v)));
                yield set.isEmpty() ? null : set;
            }
            case ValueType.RegionReplicas r -> {
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

    private static String text(Object value) {
        return value.toString().isEmpty() ? null : value.toString();
    }

    private static List<String> list(Object value) {
        List<String> list = value instanceof Collection<?> c
                ? c.stream().map(String::valueOf).toList()
                : List.of(value.toString());
        return list.isEmpty() ? null : list;
    }

    private static BigDecimal number(Object value) {
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }
}
