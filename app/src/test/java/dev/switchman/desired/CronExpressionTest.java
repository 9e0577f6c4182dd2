package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, UTC);
    }

    @Test
    void dailyAtThree() {
        CronExpression cron = CronExpression.parse("0 3 * * *");
        assertThat(cron.next(at(2026, 1, 1, 2, 59))).isEqualTo(at(2026, 1, 1, 3, 0));
        assertThat(cron.next(at(2026, 1, 1, 3, 0))).isEqualTo(at(2026, 1, 2, 3, 0));
    }

    @Test
    void stepsRangesAndLists() {
        assertThat(CronExpression.parse("*/15 * * * *").next(at(2026, 1, 1, 10, 7))).isEqualTo(at(2026, 1, 1, 10, 15));
        assertThat(CronExpression.parse("0 9-17/4 * * *").next(at(2026, 1, 1, 14, 0))).isEqualTo(at(2026, 1, 1, 17, 0));
        assertThat(CronExpression.parse("5,35 * * * *").next(at(2026, 1, 1, 10, 6))).isEqualTo(at(2026, 1, 1, 10, 35));
    }

    @Test
    void weeklyOnSundayAndSevenMeansSundayToo() {
        // 2026-01-04 is a Sunday
        assertThat(CronExpression.parse("0 5 * * 0").next(at(2026, 1, 1, 0, 0))).isEqualTo(at(2026, 1, 4, 5, 0));
        assertThat(CronExpression.parse("0 5 * * 7").next(at(2026, 1, 1, 0, 0))).isEqualTo(at(2026, 1, 4, 5, 0));
    }

    @Test
    void restrictedDayOfMonthAndWeekMatchEither() {
        // the 10th, or any Monday (2026-01-05)
        assertThat(CronExpression.parse("0 0 10 * 1").next(at(2026, 1, 1, 0, 0))).isEqualTo(at(2026, 1, 5, 0, 0));
    }

    @Test
    void leapDay() {
        assertThat(CronExpression.parse("0 0 29 2 *").next(at(2026, 3, 1, 0, 0))).isEqualTo(at(2028, 2, 29, 0, 0));
    }

    @Test
    void monthAndDayNamesInAnyCase() {
        // 2026-01-05 is a Monday; the first Monday of March 2026 is the 2nd
        assertThat(CronExpression.parse("0 4 * * MON").next(at(2026, 1, 1, 0, 0))).isEqualTo(at(2026, 1, 5, 4, 0));
        assertThat(CronExpression.parse("0 4 * mar mon").next(at(2026, 1, 1, 0, 0))).isEqualTo(at(2026, 3, 2, 4, 0));
        assertThat(CronExpression.parse("30 2 1 JAN,JUL *").next(at(2026, 2, 1, 0, 0))).isEqualTo(at(2026, 7, 1, 2, 30));
        assertThat(CronExpression.parse("0 6 * * MON-FRI").next(at(2026, 1, 3, 0, 0))).isEqualTo(at(2026, 1, 5, 6, 0));
        assertThat(CronExpression.problem("0 0 * JAN SUN")).isEmpty();
    }

    @Test
    void invalidExpressionsExplainThemselves() {
        assertThat(CronExpression.problem("0 3 * *")).contains("invalid cron expression \"0 3 * *\": expected five"
                + " fields (minute hour day-of-month month day-of-week), e.g. \"0 3 * * *\"");
        assertThat(CronExpression.problem("60 * * * *")).contains("invalid cron expression \"60 * * * *\": minute:"
                + " Value 60 not in range [0, 59]");
        assertThat(CronExpression.problem("0 5-1 * * *")).get().asString()
                .startsWith("invalid cron expression \"0 5-1 * * *\": ");
        assertThat(CronExpression.problem("0 0 * JANUARY *")).get().asString()
                .startsWith("invalid cron expression \"0 0 * JANUARY *\": ");
        assertThat(CronExpression.problem("0 0 31 2 *")).contains("invalid cron expression \"0 0 31 2 *\": no month"
                + " has that day");
        assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *")).isInstanceOf(IllegalArgumentException.class);
    }
}
