package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.CronExpression;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CronJob-style due decision: from the last run, once however many fire times were missed. */
class CatchUpTest {

    private static final CronExpression DAILY_AT_3 = CronExpression.parse("0 3 * * *");
    private static final Instant FIRST_SEEN = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void oneMissedFireTimeIsDue() {
        Instant lastRun = Instant.parse("2026-03-09T03:00:05Z");

        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(lastRun), FIRST_SEEN, Instant.parse("2026-03-10T12:00:00Z")))
                .isTrue();
    }

    @Test
    void manyMissedFireTimesAreOneRunThenNothingUntilTheNextFireTime() {
        Instant lastRun = Instant.parse("2026-03-01T03:00:05Z");
        Instant now = Instant.parse("2026-03-10T12:00:00Z");

        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(lastRun), FIRST_SEEN, now)).isTrue();
        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(now), FIRST_SEEN, now.plusSeconds(60))).isFalse();
        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(now), FIRST_SEEN, Instant.parse("2026-03-11T02:59:59Z")))
                .isFalse();
        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(now), FIRST_SEEN, Instant.parse("2026-03-11T03:00:00Z")))
                .isTrue();
    }

    @Test
    void noMissedFireTimeIsNotDue() {
        Instant lastRun = Instant.parse("2026-03-10T03:00:05Z");

        assertThat(CatchUp.due(DAILY_AT_3, Optional.of(lastRun), FIRST_SEEN, Instant.parse("2026-03-10T23:59:00Z")))
                .isFalse();
    }

    @Test
    void withNoHistoryANewScheduleWaitsForItsNextFireTime() {
        assertThat(CatchUp.due(DAILY_AT_3, Optional.empty(), FIRST_SEEN, FIRST_SEEN)).isFalse();
        assertThat(CatchUp.due(DAILY_AT_3, Optional.empty(), FIRST_SEEN, Instant.parse("2026-03-11T02:59:00Z")))
                .isFalse();
        assertThat(CatchUp.due(DAILY_AT_3, Optional.empty(), FIRST_SEEN, Instant.parse("2026-03-11T03:00:00Z")))
                .isTrue();
    }
}
