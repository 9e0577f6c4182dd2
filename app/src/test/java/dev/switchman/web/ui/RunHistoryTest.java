package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:02:00Z");

    /** A store of runs by slice that remembers from when each query counted. */
    private static final class CountingRecords extends PageRecords {

        final Map<Instant, RunCounts> slices = new HashMap<>();
        final List<Instant> queriedFrom = new ArrayList<>();

        CountingRecords() {
            super(null);
        }

        @Override
        Map<String, Map<Instant, RunCounts>> runsBySlice(List<String> environments, Duration slice, Instant from,
                Instant to) {
            queriedFrom.add(from);
            Map<Instant, RunCounts> inRange = new HashMap<>();
            slices.forEach((start, counts) -> {
                if (!start.isBefore(from) && start.isBefore(to)) {
                    inRange.put(start, counts);
                }
            });
            return Map.of("shop/production", inRange);
        }
    }

    private static RunCounts converged(int runs) {
        return new RunCounts(runs, 0, 0, 0, 0);
    }

    @Test
    void finishedSlicesAreCountedOnceAndAPageCountsOnlyWhatIsStillOpen() {
        CountingRecords records = new CountingRecords();
        records.slices.put(Instant.parse("2026-03-02T08:10:00Z"), converged(5));
        records.slices.put(Instant.parse("2026-03-02T09:55:00Z"), converged(4));
        records.slices.put(Instant.parse("2026-03-02T10:00:00Z"), new RunCounts(1, 0, 0, 0, 1));
        RunHistory history = new RunHistory(records);

        Map<Instant, RunCounts> first = history.strips(List.of("shop/production"), T0).get("shop/production");
        records.slices.put(Instant.parse("2026-03-02T10:00:00Z"), new RunCounts(1, 0, 0, 1, 0));
        Map<Instant, RunCounts> second = history.strips(List.of("shop/production"), T0.plusSeconds(300))
                .get("shop/production");

        assertThat(first).containsEntry(Instant.parse("2026-03-02T08:00:00Z"), converged(5))
                .containsEntry(Instant.parse("2026-03-02T09:00:00Z"), converged(4))
                .containsEntry(Instant.parse("2026-03-02T10:00:00Z"), new RunCounts(1, 0, 0, 0, 1));
        assertThat(second).containsEntry(Instant.parse("2026-03-02T08:00:00Z"), converged(5))
                .containsEntry(Instant.parse("2026-03-02T09:00:00Z"), converged(4))
                .containsEntry(Instant.parse("2026-03-02T10:00:00Z"), new RunCounts(1, 0, 0, 1, 0));
        assertThat(records.queriedFrom).containsExactly(RunStrip.since(T0), Instant.parse("2026-03-02T10:00:00Z"));
    }
}
