package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitAndCombinations() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("1m30s250ms")).contains(Duration.ofMillis(90_250));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("5")).isEmpty();
        assertThat(Durations.parse("five")).isEmpty();
        assertThat(Durations.parse("30m1h")).isEmpty();
        assertThat(Durations.parse("1h1h")).isEmpty();
        assertThat(Durations.parse("1.5h")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.problem("5 minutes")).contains("invalid duration \"5 minutes\": write a number and a"
                + " unit (ms, s, m, h, d), largest first, e.g. 500ms, 30s, 5m, 1h30m, 7d");
    }

    @Test
    void formatsBackToTheShortestText() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
