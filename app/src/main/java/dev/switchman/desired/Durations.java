package dev.switchman.desired;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in the desired state: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 7d}: numbers with units, largest unit first, each unit at most once.
 */
public final class Durations {

    /** For editors; accepts every valid duration (and {@link #parse} has the last word). */
    public static final String SCHEMA_PATTERN = "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$";

    private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|d|h|m|s)");
    private static final List<String> UNITS = List.of("d", "h", "m", "s", "ms");

    private Durations() {
    }

    /** The duration {@code text} means, or empty when it is not a duration. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int position = 0;
        int lastUnit = -1;
        while (position < text.length()) {
            if (!m.find(position) || m.start() != position) {
                return Optional.empty();
            }
            int unit = UNITS.indexOf(m.group(2));
            if (unit <= lastUnit) {
                return Optional.empty();
            }
            total = total.plus(amount(Long.parseLong(m.group(1)), m.group(2)));
            lastUnit = unit;
            position = m.end();
        }
        return Optional.of(total);
    }

    /** What is wrong with {@code text} as a duration, or empty when it is one. */
    public static Optional<String> problem(String text) {
        return parse(text).isPresent() ? Optional.empty()
                : Optional.of("invalid duration \"" + text + "\": write a number and a unit (ms, s, m, h, d),"
                        + " largest first, e.g. 500ms, 30s, 5m, 1h30m, 7d");
    }

    /** The shortest text {@link #parse} reads back as {@code duration}, e.g. {@code 1h30m}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] amounts = {duration.toDaysPart(), duration.toHoursPart(), duration.toMinutesPart(),
            duration.toSecondsPart(), duration.toMillisPart()};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                out.append(amounts[i]).append(UNITS.get(i));
            }
        }
        return out.toString();
    }

    private static Duration amount(long n, String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMillis(n);
        };
    }
}
