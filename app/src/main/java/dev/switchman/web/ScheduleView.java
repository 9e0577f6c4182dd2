package dev.switchman.web;

import java.time.Instant;

/**
 * Where an environment stands in this replica's loop (empty on a standby, which runs nothing).
 *
 * @param state {@code WAITING}, {@code RUNNING}, {@code STALLED} or {@code SUSPENDED}
 * @param nextRunAt the next run without a trigger; null while stalled (waiting for a new revision)
 * @param notBefore no run before this, because Railway asked to wait; null when free
 * @param backoffSeconds the wait chosen after the last failure, 0 when not backing off
 * @param declaredIntervalSeconds the environment's {@code policy.interval}
 * @param intervalSeconds the interval it is read at: the declared one, stretched when the declared environments
 *     would need more than half of the API budget at rest
 */
public record ScheduleView(String state, Instant nextRunAt, Instant notBefore, int consecutiveFailures,
        double backoffSeconds, String lastTrigger, String lastResult, String lastReason, Instant runningSince,
        double declaredIntervalSeconds, double intervalSeconds) {
}
