package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStripTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:20:00Z");

    @Test
    void eachOfTheLast24ClockHoursIsACellColouredByItsWorstRun() {
        RunStrip strip = RunStrip.of(Map.of(
                Instant.parse("2026-03-02T10:00:00Z"), new RunCounts(20, 0, 0, 0, 0),
                Instant.parse("2026-03-02T09:00:00Z"), new RunCounts(50, 6, 1, 0, 0),
                Instant.parse("2026-03-02T08:00:00Z"), new RunCounts(3, 0, 0, 1, 0),
                Instant.parse("2026-03-01T10:00:00Z"), new RunCounts(9, 0, 0, 9, 0)), NOW);

        assertThat(strip.cells()).hasSize(24);
        assertThat(strip.cells().get(23).css()).isEqualTo("strip-ok");
        assertThat(strip.cells().get(23).title()).isEqualTo("10:00–11:00 UTC: 20 converged");
        assertThat(strip.cells().get(22).css()).isEqualTo("strip-warn");
        assertThat(strip.cells().get(22).title()).endsWith("50 converged, 6 progressing, 1 retry");
        assertThat(strip.cells().get(21).css()).isEqualTo("strip-bad");
        assertThat(strip.cells().get(0).title()).startsWith("11:00–12:00 UTC: no runs");
        assertThat(strip.cells().get(0).css()).isEqualTo("strip-none");
        assertThat(strip.cells().get(23).x()).isEqualTo(23 * RunStrip.STEP);
        assertThat(strip.summary()).isEqualTo("last 24 hours: 81 run(s), 1 stalled, 7 not settled");
        assertThat(strip.shapes()).extracting(RunStrip.Shape::css)
                .containsExactly("strip-none", "strip-bad", "strip-warn", "strip-ok");
        assertThat(strip.shapes().get(3).path()).isEqualTo("M276 0h10v14h-10z");
        assertThat(RunStrip.since(NOW)).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
    }
}
