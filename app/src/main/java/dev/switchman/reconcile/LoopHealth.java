package dev.switchman.reconcile;

import java.time.Duration;
import java.time.Instant;

/**
 * The loop's liveness facts.
 *
 * @param enabled whether {@code switchman.reconcile.enabled} is on
 * @param leader whether this replica holds the leader lock
 * @param lastTickAt when the scheduler last ticked, null before the first tick
 * @param oldestRunStartedAt when the oldest run in progress started, its waits for the API budget left out; null
 *     when none is running
 * @param budgetWarning why the environments are read less often than declared, null when they fit the budget
 */
public record LoopHealth(boolean enabled, boolean leader, Instant lastTickAt, Duration tickInterval,
        Instant oldestRunStartedAt, Duration runTimeout, String budgetWarning) {

    private static final int MISSED_TICKS = 30;

    /** The loop is wedged when a run outlived the run timeout or the scheduler stopped ticking. */
    public boolean wedged(Instant now, Instant startedAt) {
        if (!enabled) {
            return false;
        }
        boolean runStuck = oldestRunStartedAt != null
                && Duration.between(oldestRunStartedAt, now).compareTo(runTimeout) > 0;
        Instant since = lastTickAt != null ? lastTickAt : startedAt;
        boolean notTicking = Duration.between(since, now).compareTo(tickInterval.multipliedBy(MISSED_TICKS)) > 0;
        return runStuck || notTicking;
    }
}
