package dev.switchman.desired;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field Unix cron expression (minute, hour, day of month, month, day of week), parsed and evaluated by
 * cron-utils: {@code *}, numbers, ranges, lists, steps, month names ({@code JAN}-{@code DEC}) and day names
 * ({@code MON}-{@code SUN}) in any case. Day of week runs 0-7 (0 and 7 are Sunday). As in classic cron, when
 * both day fields are restricted a day matching either one matches.
 */
public final class CronExpression {

    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String text;
    private final ExecutionTime schedule;

    private CronExpression(String text, ExecutionTime schedule) {
        this.text = text;
        this.schedule = schedule;
    }

    /** Parses {@code text}; throws IllegalArgumentException with a message a person can act on. */
    public static CronExpression parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw invalid(text, "expected five fields (minute hour day-of-month month day-of-week), e.g. \"0 3 * * *\"");
        }
        Cron cron;
        try {
            cron = unix(parts);
        } catch (IllegalArgumentException e) {
            throw invalid(text, culprit(parts) + e.getMessage().replace("Failed to parse cron expression. ", ""));
        }
        CronExpression expression = new CronExpression(text.trim(), ExecutionTime.forCron(cron));
        if (expression.schedule.nextExecution(ZonedDateTime.now()).isEmpty()) {
            throw invalid(text, "no month has that day");
        }
        return expression;
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
        return schedule.nextExecution(after).orElseThrow(() -> invalid(text, "no month has that day"));
    }

    private static Cron unix(String[] parts) {
        return UNIX.parse(String.join(" ", parts).toUpperCase(Locale.ROOT)).validate(); // names in upper case only
    }

    /** "hour: " when the expression reads with that field alone made {@code *}; cron-utils names no field. */
    private static String culprit(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            String[] others = parts.clone();
            others[i] = "*";
            try {
                unix(others);
                return FIELDS[i] + ": ";
            } catch (IllegalArgumentException stillInvalid) {
                // another field is wrong too
            }
        }
        return "";
    }

    private static IllegalArgumentException invalid(String text, String detail) {
        return new IllegalArgumentException("invalid cron expression \"" + text + "\": " + detail);
    }

    @Override
    public String toString() {
        return text;
    }
}
