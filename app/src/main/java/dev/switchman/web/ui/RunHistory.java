package dev.switchman.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs of the last 24 hours by environment and hour, for the run strips. Runs are counted in five-minute
 * slices; a slice that is over (by a minute, for runs recorded late) and has no run still going never changes
 * again, so it is counted once and kept in memory. Each page then counts only the slices since the oldest one
 * still open: a few hundred rows for a hundred environments instead of a day's hundred and forty thousand.
 */
@ApplicationScoped
public class RunHistory {

    static final Duration SLICE = Duration.ofMinutes(5);
    /** A run's row is written as it starts, with the time it started: a moment late at most. */
    private static final Duration LATE_ROWS = Duration.ofMinutes(1);

    private final PageRecords records;
    /** Environment -> its final slices with runs (slices without runs are left out). */
    private final Map<String, Map<Instant, RunCounts>> finalSlices = new ConcurrentHashMap<>();
    /** Environment -> every slice before this one is final and in {@link #finalSlices}. */
    private final Map<String, Instant> finalUntil = new ConcurrentHashMap<>();

    public RunHistory(PageRecords records) {
        this.records = records;
    }

    /** Environment ({@code project/env}) -> start of each hour of its strip with runs -> how they ended. */
    Map<String, Map<Instant, RunCounts>> strips(List<String> environments, Instant now) {
        Instant since = RunStrip.since(now);
        Instant from = environments.stream().map(e -> finalUntil.getOrDefault(e, since)).filter(since::isBefore)
                .min(Instant::compareTo).orElse(since);
        Map<String, Map<Instant, RunCounts>> counted = records.runsBySlice(environments, SLICE, from, now.plus(SLICE));
        Instant settled = now.minus(LATE_ROWS);
        Map<String, Map<Instant, RunCounts>> strips = new HashMap<>();
        for (String environment : environments) {
            Map<Instant, RunCounts> fresh = counted.getOrDefault(environment, Map.of());
            Map<Instant, RunCounts> kept = finalSlices.computeIfAbsent(environment, e -> new ConcurrentHashMap<>());
            Instant open = from;
            while (!open.plus(SLICE).isAfter(settled) && fresh.getOrDefault(open, RunCounts.NONE).running() == 0) {
                if (fresh.containsKey(open)) {
                    kept.put(open, fresh.get(open));
                }
                open = open.plus(SLICE);
            }
            if (open.isAfter(finalUntil.getOrDefault(environment, Instant.MIN))) {
                finalUntil.put(environment, open);
            }
            Instant firstOpen = open;
            kept.keySet().removeIf(slice -> slice.isBefore(since) || !slice.isBefore(firstOpen));
            Map<Instant, RunCounts> byHour = new HashMap<>();
            kept.forEach((slice, counts) -> byHour.merge(RunStrip.hourOf(slice), counts, RunCounts::plus));
            fresh.forEach((slice, counts) -> {
                if (!slice.isBefore(firstOpen)) {
                    byHour.merge(RunStrip.hourOf(slice), counts, RunCounts::plus);
                }
            });
            strips.put(environment, byHour);
        }
        return strips;
    }
}
