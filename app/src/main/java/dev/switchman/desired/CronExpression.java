package dev.switchman.desired;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week) with {@code *},
 * numbers, ranges {@code a-b}, lists {@code a,b} and steps {@code * /n}, {@code a-b/n}. Day of
 * week runs 0-7 (0 and 7 are Sunday). As in classic cron, when both day fields are restricted a
 * day matching either one matches.
 */
public final class CronExpression {

    private static final String[] NAMES = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final String text;
    private final BitSet[] fields;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, BitSet[] fields, boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.fields = fields;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /** Parses {@code text}; throws IllegalArgumentException with a message a person can act on. */
    public static CronExpression parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("invalid cron expression \"" + text + "\": expected five fields"
                    + " (minute hour day-of-month month day-of-week), e.g. \"0 3 * * *\"");
        }
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = CronField.parse(parts[i], MIN[i], MAX[i], NAMES[i], text);
        }
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        CronExpression cron = new CronExpression(text.trim(), fields, parts[2].startsWith("*"),
                parts[4].startsWith("*"));
        if (!cron.anyDayOfMonth && cron.anyDayOfWeek && !cron.someMonthHasADay()) {
            throw new IllegalArgumentException("invalid cron expression \"" + text + "\": no month has that day");
        }
        return cron;
    }

    /** What is wrong with {@code text}, or empty when it is a valid expression. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first matching minute strictly after {@code after}, in its time zone. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // Every miss advances to the start of the next month, day, hour or minute; a matching
        // day exists at least every eight years (29 February), so this ends.
        while (true) {
            if (!fields[3].get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!fields[1].get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!fields[0].get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = fields[2].get(t.getDayOfMonth());
        boolean dow = fields[4].get(t.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private boolean someMonthHasADay() {
        for (int month = fields[3].nextSetBit(1); month >= 0; month = fields[3].nextSetBit(month + 1)) {
            if (fields[2].nextSetBit(1) <= DAYS_IN_MONTH[month - 1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
