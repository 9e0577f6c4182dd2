package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunDelaysTest {

    private static final Duration INITIAL = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void intervalsVaryByAtMostTenPercentEitherWay() {
        Duration minute = Duration.ofSeconds(60);
        assertThat(new RunDelays(INITIAL, MAX, () -> 0.0).interval(minute)).isEqualTo(Duration.ofSeconds(54));
        assertThat(new RunDelays(INITIAL, MAX, () -> 0.5).interval(minute)).isEqualTo(minute);
        assertThat(new RunDelays(INITIAL, MAX, () -> 0.999999).interval(minute)).isEqualTo(Duration.ofSeconds(66));
    }

    @Test
    void backoffDoublesPerFailureUpToTheCapThenJitters() {
        RunDelays exact = new RunDelays(INITIAL, MAX, () -> 0.5);
        assertThat(exact.backoff(1)).isEqualTo(INITIAL);
        assertThat(exact.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(exact.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(exact.backoff(7)).isEqualTo(MAX);
        assertThat(exact.backoff(500)).isEqualTo(MAX);
        assertThat(new RunDelays(INITIAL, MAX, () -> 0.0).backoff(3)).isEqualTo(Duration.ofSeconds(18));
    }
}
